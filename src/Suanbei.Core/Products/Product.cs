using Suanbei.Core.Checks;

namespace Suanbei.Core.Products;

/// <summary>服务形式 of a product (reference §2/§3).</summary>
public enum ProductForm { Website = 0, App = 1, MiniProgram = 2, PublicAccount = 3, Plugin = 4, Api = 5, Desktop = 6, Other = 7 }

/// <summary>服务状态.</summary>
public enum ProductStatus { InService = 0, Testing = 1, InDevelopment = 2, Discontinued = 3 }

/// <summary>服务对象.</summary>
public enum ProductAudience { Individuals = 0, Businesses = 1, Both = 2 }

public static class ProductNames
{
    /// <summary>Labels of the product form's fields that other features (备案预审) name, keyed by the form's field name.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>
    {
        ["Name"] = "产品名称", ["IcpNumber"] = "ICP备案号", ["IcpHolder"] = "ICP主办单位", ["IcpExpiresOn"] = "ICP有效期至",
        ["IcpBusinessScope"] = "ICP经营范围", ["MonthlyActiveUsers"] = "月活跃用户数", ["DailyActiveUsers"] = "日活跃用户数",
        ["TotalUsers"] = "用户总量", ["AccessPath"] = "功能访问路径", ["FunctionName"] = "功能名称", ["FunctionDescription"] = "功能介绍",
    };
}

/// <summary>The filer-entered fields of a product (产品及功能信息, reference §3).</summary>
public sealed record ProductDetails
{
    public string? Name { get; init; }                    // 产品名称
    public ProductForm Form { get; init; }                // 服务形式
    public string? AccessAddress { get; init; }           // 访问地址/下载地址
    public ProductStatus Status { get; init; }            // 服务状态
    public ProductAudience Audience { get; init; }        // 服务对象
    public long? MonthlyActiveUsers { get; init; }
    public long? DailyActiveUsers { get; init; }
    public long? TotalUsers { get; init; }
    public string? IcpNumber { get; init; }               // ICP备案号 / ICP证
    public string? IcpHolder { get; init; }               // ICP 主办单位 / 持证主体
    public DateOnly? IcpExpiresOn { get; init; }          // ICP 有效期至 (licences)
    public string? IcpBusinessScope { get; init; }        // ICP 经营范围 / 业务种类
    public bool RequiresRealName { get; init; }           // 实名认证
    public bool HasPriorLicence { get; init; }            // 前置许可
    public string? PriorLicenceDescription { get; init; }
    public bool PersonalisedPushCanBeTurnedOff { get; init; } // 个性化推送关闭情况
    public string? PersonalisedPushDescription { get; init; }
    public string? MinorsProtection { get; init; }        // 未成年人保护措施
    /// <summary>功能访问路径: ordered navigation steps.</summary>
    public IReadOnlyList<string> AccessPath { get; init; } = [];
}

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

public sealed class ProductAccessStep
{
    private ProductAccessStep() { Text = ""; }
    internal ProductAccessStep(Guid id, Guid productId, int position, string text)
    {
        Id = id; ProductId = productId; Position = position; Text = text;
    }
    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public int Position { get; private set; }
    public string Text { get; internal set; }
}

public sealed class ProductFunction
{
    private ProductFunction() { Name = ""; Description = ""; }
    internal ProductFunction(Guid id, Guid productId, int position, string name, string description)
    { Id = id; ProductId = productId; Position = position; Name = name; Description = description; }
    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public int Position { get; private set; }
    /// <summary>功能名称</summary>
    public string Name { get; internal set; }
    /// <summary>功能介绍 (≤ 500 characters)</summary>
    public string Description { get; internal set; }
}
