using System.ComponentModel.DataAnnotations;
using Suanbei.Core.Products;

namespace Suanbei.Web.Features.Products;

/// <summary>The product form (names "Input.X"; access path steps "Input.AccessPath[i]").</summary>
public sealed class ProductInput
{
    public string? Name { get; set; }
    public ProductForm Form { get; set; }
    public string? AccessAddress { get; set; }
    public ProductStatus Status { get; set; }
    public ProductAudience Audience { get; set; }
    [Display(Name = "月活跃用户数")] public long? MonthlyActiveUsers { get; set; }
    [Display(Name = "日活跃用户数")] public long? DailyActiveUsers { get; set; }
    [Display(Name = "用户总量")] public long? TotalUsers { get; set; }
    public string? IcpNumber { get; set; }
    public string? IcpHolder { get; set; }
    [Display(Name = "ICP有效期至")] public DateOnly? IcpExpiresOn { get; set; }
    public string? IcpBusinessScope { get; set; }
    public bool RequiresRealName { get; set; }
    public bool HasPriorLicence { get; set; }
    public string? PriorLicenceDescription { get; set; }
    public bool PersonalisedPushCanBeTurnedOff { get; set; }
    public string? PersonalisedPushDescription { get; set; }
    public string? MinorsProtection { get; set; }
    public List<string?> AccessPath { get; set; } = [];

    public ProductDetails ToDetails() => new()
    {
        Name = Name, Form = Form, AccessAddress = AccessAddress, Status = Status, Audience = Audience,
        MonthlyActiveUsers = MonthlyActiveUsers, DailyActiveUsers = DailyActiveUsers, TotalUsers = TotalUsers, IcpNumber = IcpNumber,
        IcpHolder = IcpHolder, IcpExpiresOn = IcpExpiresOn, IcpBusinessScope = IcpBusinessScope,
        RequiresRealName = RequiresRealName, HasPriorLicence = HasPriorLicence, PriorLicenceDescription = PriorLicenceDescription,
        PersonalisedPushCanBeTurnedOff = PersonalisedPushCanBeTurnedOff, PersonalisedPushDescription = PersonalisedPushDescription,
        MinorsProtection = MinorsProtection, AccessPath = AccessPath.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList(),
    };

    public static ProductInput From(ProductDetails d) => new()
    {
        Name = d.Name, Form = d.Form, AccessAddress = d.AccessAddress, Status = d.Status, Audience = d.Audience,
        MonthlyActiveUsers = d.MonthlyActiveUsers, DailyActiveUsers = d.DailyActiveUsers, TotalUsers = d.TotalUsers,
        IcpNumber = d.IcpNumber,
        IcpHolder = d.IcpHolder, IcpExpiresOn = d.IcpExpiresOn, IcpBusinessScope = d.IcpBusinessScope,
        RequiresRealName = d.RequiresRealName, HasPriorLicence = d.HasPriorLicence, PriorLicenceDescription = d.PriorLicenceDescription,
        PersonalisedPushCanBeTurnedOff = d.PersonalisedPushCanBeTurnedOff, PersonalisedPushDescription = d.PersonalisedPushDescription,
        MinorsProtection = d.MinorsProtection, AccessPath = d.AccessPath.Select(s => (string?)s).ToList(),
    };
}
