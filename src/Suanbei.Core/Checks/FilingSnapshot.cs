using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suanbei.Core.Filings;

namespace Suanbei.Core.Checks;

/// <summary>
/// Everything the pre-submission check (备案预审) looks at, as one plain record: the subject, its products, the algorithm
/// filing and the data the filer enters about the officer's documents and the ICP certificates. The web slice builds it
/// from the aggregates; <c>suanbei check FILING.json</c> reads it as JSON (camelCase, enums as names; see
/// docs/presubmission-check.md and docs/examples/filing-snapshot.json). Absent optional data means "not entered": rules
/// that need it stay silent rather than guess.
/// </summary>
public sealed record FilingSnapshot
{
    public const int MaxJsonBytes = 2 * 1024 * 1024;

    public SubjectSnapshot Subject { get; init; } = new();
    public IReadOnlyList<ProductSnapshot> Products { get; init; } = [];
    public AlgorithmSnapshot Filing { get; init; } = new();
    public OfficerDocumentsSnapshot? OfficerDocuments { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // One string converter per enum the snapshot holds: the non-generic factory needs run-time code generation.
        Converters =
        {
            new JsonStringEnumConverter<Products.ProductForm>(), new JsonStringEnumConverter<DataModality>(),
            new JsonStringEnumConverter<AlgorithmType>(), new JsonStringEnumConverter<FilingRole>(),
            new JsonStringEnumConverter<TechnicalServiceMode>(),
        },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        MaxDepth = 16,
    };

    /// <summary>Parses a snapshot; returns a Chinese error naming the problem, or null on success. Never throws.</summary>
    // Reflection-based System.Text.Json: these records' init-only properties keep their initial values only under
    // reflection (source-generated metadata resets a property missing from the document to null). Only the web app and
    // the full CLI read them; the Native AOT label tools do not, and would be warned if they started to.
    [RequiresUnreferencedCode(CoreJsonContext.ReflectionOnly), RequiresDynamicCode(CoreJsonContext.ReflectionOnly)]
    public static string? TryParse(string json, out FilingSnapshot? snapshot)
    {
        snapshot = null;
        if (json.Length > MaxJsonBytes) return "文件过大";
        try
        {
            snapshot = JsonSerializer.Deserialize<FilingSnapshot>(json, JsonOptions);
            return snapshot is null ? "内容为空（应为一个 JSON 对象）" : null;
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } p ? $"字段 {p}" : "文件";
            return $"{where} 格式不正确（第 {(e.LineNumber ?? 0) + 1} 行）：应为 FilingSnapshot 结构";
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return $"JSON 无法解析：{e.Message}";
        }
    }
}

public sealed record SubjectSnapshot
{
    public string? Name { get; init; }                 // 主体名称
    public string? CreditCode { get; init; }           // 统一社会信用代码
    public long? MonthlyActiveUsers { get; init; }     // 月活跃用户量
    public string? OfficerName { get; init; }          // 算法安全责任人 姓名
    public string? OfficerIdNumber { get; init; }      // 算法安全责任人 证件号码
}

public sealed record ProductSnapshot
{
    public string? Name { get; init; }
    public Products.ProductForm Form { get; init; }
    public string? AccessAddress { get; init; }
    public long? MonthlyActiveUsers { get; init; }
    public long? DailyActiveUsers { get; init; }
    public long? TotalUsers { get; init; }
    public IcpSnapshot? Icp { get; init; }
    /// <summary>功能访问路径, in order.</summary>
    public IReadOnlyList<string> AccessPath { get; init; } = [];
    public IReadOnlyList<FunctionSnapshot> Functions { get; init; } = [];
}

/// <summary>The ICP filing or licence of a product: number, and, when entered, holder, expiry and business scope.</summary>
public sealed record IcpSnapshot
{
    public string? Number { get; init; }               // ICP备案号 / ICP证号
    public string? Holder { get; init; }               // 主办单位 / 持证主体
    public DateOnly? ExpiresOn { get; init; }          // 有效期至 (ICP licences)
    public string? BusinessScope { get; init; }        // 业务种类 / 服务项目
}

public sealed record FunctionSnapshot(string? Name, string? Description);

/// <summary>A function chosen in step ③ and the product it belongs to.</summary>
public sealed record LinkedFunctionSnapshot(string? Product, string? Function);

public sealed record LabelingSnapshot
{
    public DataModality Modality { get; init; }
    public string? ExplicitMethod { get; init; }
    public string? ImplicitMethod { get; init; }
    public bool HasExample { get; init; }              // 标识示例截图已上传
}

public sealed record AlgorithmSnapshot
{
    public string? Name { get; init; }
    public AlgorithmType? Type { get; init; }
    public string? Domain { get; init; }
    public FilingRole? Role { get; init; }
    public string? MainPurpose { get; init; }        // 主要用途 (the public list's column)
    public string? Summary { get; init; }
    public string? Scenarios { get; init; }
    public IReadOnlyList<DataModality> OutputModalities { get; init; } = [];
    public bool? UsesBiometricData { get; init; }
    public bool? UsesIdentityData { get; init; }
    /// <summary>生物特征/身份信息专项安全评估 attached (true), or null when the system has no such field (then the risk text is searched).</summary>
    public bool? SpecialAssessmentAttached { get; init; }
    public string? DataSources { get; init; }         // 数据来源
    public string? ModelAndTrainingData { get; init; }
    public string? Strategy { get; init; }
    public string? RisksAndSafeguards { get; init; }
    public string? ModerationFlow { get; init; }
    public int? LogRetentionMonths { get; init; }
    public string? ComplaintChannels { get; init; }    // 投诉举报渠道
    public string? RegulatorCooperation { get; init; } // 配合监管机制
    public string? DisclosurePrinciple { get; init; }  // 算法基本原理
    public string? DisclosureMechanism { get; init; }  // 算法运行机制
    public string? DisclosureScenarios { get; init; }  // 算法应用场景
    public string? DisclosurePurpose { get; init; }    // 算法目的意图
    public IReadOnlyList<LabelingSnapshot> Labeling { get; init; } = [];
    /// <summary>Names of the linked products (provider). Each should appear in <see cref="FilingSnapshot.Products"/>.</summary>
    public IReadOnlyList<string> LinkedProducts { get; init; } = [];
    /// <summary>The functions chosen for this algorithm, each with the name of the product it belongs to; a function is
    /// served only through a linked product, so its product must be in <see cref="LinkedProducts"/>.</summary>
    public IReadOnlyList<LinkedFunctionSnapshot> LinkedFunctions { get; init; } = [];
    public TechnicalServiceMode? ServiceMode { get; init; }
    public string? ServiceModeDescription { get; init; }
}

/// <summary>What the filer reads off the signed 承诺书 and the 工作证明 of the algorithm security officer.</summary>
public sealed record OfficerDocumentsSnapshot
{
    public string? CommitmentSignerName { get; init; }     // 承诺书 签字人
    public string? CommitmentSignerIdNumber { get; init; } // 承诺书 证件号码
    public string? EmploymentName { get; init; }           // 工作证明 姓名
    public string? EmploymentEmployer { get; init; }       // 工作证明 单位
    public string? EmploymentPost { get; init; }           // 工作证明 职务
    public string? EmploymentTenure { get; init; }         // 工作证明 任职期限 (e.g. 2021年3月至今)
}
