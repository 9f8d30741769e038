namespace Suanbei.Core.Filings;

/// <summary>Step ② 详细属性, with labeling, content management and the four parts of 拟公示内容.</summary>
public sealed record DetailedAttributes
{
    public string? Summary { get; init; }              // 算法简介
    public string? Scenarios { get; init; }            // 使用场景
    public DataModality InputModalities { get; init; }
    public DataModality OutputModalities { get; init; }
    public string? DataSources { get; init; }          // 数据来源
    public bool? UsesBiometricData { get; init; }      // 是否使用生物特征数据 (face, voice, …)
    public bool? UsesIdentityData { get; init; }       // 是否使用身份信息数据
    public string? ModelAndTrainingData { get; init; } // 算法模型及训练数据集
    public string? Strategy { get; init; }             // 算法策略
    public string? RisksAndSafeguards { get; init; }   // 算法风险与防范机制
    public string? ModerationFlow { get; init; }       // 内容审核流程
    public int? LogRetentionMonths { get; init; }      // 日志留存期限（月）
    public string? ComplaintChannels { get; init; }    // 投诉举报渠道 (security assessment item 6)
    public string? RegulatorCooperation { get; init; } // 配合监管机制 (security assessment item 7)
    public string? DisclosurePrinciple { get; init; }  // 算法基本原理
    public string? DisclosureMechanism { get; init; }  // 算法运行机制
    public string? DisclosureScenarios { get; init; }  // 算法应用场景
    public string? DisclosurePurpose { get; init; }    // 算法目的意图
}
