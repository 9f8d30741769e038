using Suanbei.Core.Checks;

namespace Suanbei.Core.Products;

/// <summary>A product (产品) of a subject with its functions (功能). Owned by the subject; edited only by its owner.</summary>
public sealed class Product
{
    /// <summary>功能介绍 length limit: the threshold of the pre-submission rule data, which cites the filing instructions.</summary>
    public static int MaxFunctionDescription => (int)PresubmissionRules.Current.Threshold("maxFunctionDescription");
    private readonly List<ProductAccessStep> _accessPath = [];
    private readonly List<ProductFunction> _functions = [];

    private Product() { OwnerId = ""; Name = ""; } // for EF

    public Product(Guid id, Guid subjectId, string ownerId, ProductDetails details, DateTimeOffset now)
    {
        Id = id; SubjectId = subjectId; OwnerId = ownerId; CreatedAt = now;
        Name = "";
        Update(details, now);
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    /// <summary>The account that owns the subject (denormalised so every query can filter by owner directly).</summary>
    public string OwnerId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public string Name { get; private set; }
    public ProductForm Form { get; private set; }
    public string? AccessAddress { get; private set; }
    public ProductStatus Status { get; private set; }
    public ProductAudience Audience { get; private set; }
    public long? MonthlyActiveUsers { get; private set; }
    public long? DailyActiveUsers { get; private set; }
    public long? TotalUsers { get; private set; }
    public string? IcpNumber { get; private set; }
    public string? IcpHolder { get; private set; }
    public DateOnly? IcpExpiresOn { get; private set; }
    public string? IcpBusinessScope { get; private set; }
    public bool RequiresRealName { get; private set; }
    public bool HasPriorLicence { get; private set; }
    public string? PriorLicenceDescription { get; private set; }
    public bool PersonalisedPushCanBeTurnedOff { get; private set; }
    public string? PersonalisedPushDescription { get; private set; }
    public string? MinorsProtection { get; private set; }

    public IReadOnlyList<ProductAccessStep> AccessPath => _accessPath.OrderBy(s => s.Position).ToList();
    public IReadOnlyList<ProductFunction> Functions => _functions.OrderBy(f => f.Position).ToList();

    /// <summary>名称（形态）, as the CAC lists write an application product.</summary>
    public string ListLabel => $"{Name}（{DisplayNames.Of(Form)}）";

    public void Update(ProductDetails d, DateTimeOffset now)
    {
        var errors = ProductValidation.Check(d);
        if (errors.Count > 0) throw new DomainException(string.Join("；", errors.Values));
        Name = d.Name!.Trim(); Form = d.Form; AccessAddress = Clean(d.AccessAddress); Status = d.Status; Audience = d.Audience;
        MonthlyActiveUsers = d.MonthlyActiveUsers; DailyActiveUsers = d.DailyActiveUsers; TotalUsers = d.TotalUsers;
        IcpNumber = Clean(d.IcpNumber); IcpHolder = Clean(d.IcpHolder); IcpExpiresOn = d.IcpExpiresOn; IcpBusinessScope =
            Clean(d.IcpBusinessScope);
        RequiresRealName = d.RequiresRealName; HasPriorLicence = d.HasPriorLicence;
        PriorLicenceDescription = Clean(d.PriorLicenceDescription); PersonalisedPushCanBeTurnedOff = d.PersonalisedPushCanBeTurnedOff;
        PersonalisedPushDescription = Clean(d.PersonalisedPushDescription); MinorsProtection = Clean(d.MinorsProtection);
        var steps = d.AccessPath.Select(Clean).Where(s => s is not null).ToList();
        // Replace the steps in place: same rows for unchanged positions keep the history of edits small.
        _accessPath.RemoveAll(s => s.Position >= steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var existing = _accessPath.FirstOrDefault(s => s.Position == i);
            if (existing is null) _accessPath.Add(new ProductAccessStep(Guid.NewGuid(), Id, i, steps[i]!));
            else existing.Text = steps[i]!;
        }
        UpdatedAt = now;
    }

    public ProductFunction AddFunction(string name, string? description, DateTimeOffset now)
    {
        CheckFunction(name, description);
        var f = new ProductFunction(Guid.NewGuid(), Id, _functions.Count == 0 ? 0 : _functions.Max(x => x.Position) + 1, name.Trim(),
            description?.Trim() ?? "");
        _functions.Add(f);
        UpdatedAt = now;
        return f;
    }

    public void UpdateFunction(Guid functionId, string name, string? description, DateTimeOffset now)
    {
        var f = _functions.FirstOrDefault(x => x.Id == functionId) ?? throw new DomainException("功能不存在");
        CheckFunction(name, description);
        f.Name = name.Trim();
        f.Description = description?.Trim() ?? "";
        UpdatedAt = now;
    }

    public void RemoveFunction(Guid functionId, DateTimeOffset now)
    {
        var f = _functions.FirstOrDefault(x => x.Id == functionId) ?? throw new DomainException("功能不存在");
        _functions.Remove(f);
        UpdatedAt = now;
    }

    private static void CheckFunction(string name, string? description)
    {
        var errors = ProductValidation.CheckFunction(name, description);
        if (errors.Count > 0) throw new DomainException(string.Join("；", errors.Values));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
