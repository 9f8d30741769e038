using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suanbei.Core.Filings;

namespace Suanbei.Core.Checks;

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
