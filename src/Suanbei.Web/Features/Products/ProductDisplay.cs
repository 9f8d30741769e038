using Suanbei.Core.Products;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Products;

public static class ProductDisplay
{
    public static ProductDetails Details(Product p) => new()
    {
        Name = p.Name, Form = p.Form, AccessAddress = p.AccessAddress, Status = p.Status, Audience = p.Audience,
        MonthlyActiveUsers = p.MonthlyActiveUsers, DailyActiveUsers = p.DailyActiveUsers, TotalUsers = p.TotalUsers,
        IcpNumber = p.IcpNumber, IcpHolder = p.IcpHolder, IcpExpiresOn = p.IcpExpiresOn, IcpBusinessScope = p.IcpBusinessScope,
        RequiresRealName = p.RequiresRealName, HasPriorLicence = p.HasPriorLicence,
        PriorLicenceDescription = p.PriorLicenceDescription, PersonalisedPushCanBeTurnedOff = p.PersonalisedPushCanBeTurnedOff,
        PersonalisedPushDescription = p.PersonalisedPushDescription, MinorsProtection = p.MinorsProtection,
        AccessPath = p.AccessPath.Select(s => s.Text).ToList(),
    };
}
