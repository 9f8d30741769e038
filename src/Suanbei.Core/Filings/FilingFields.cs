namespace Suanbei.Core.Filings;

/// <summary>Keys and Chinese labels of the algorithm-filing fields, in form order (step 1 basic, 2 detailed, 3 products/service
/// mode).</summary>
public static class FilingFields
{
    public const string Name = "Name";
    public const string Type = "Type";
    public const string Domain = "Domain";
    public const string LaunchDate = "LaunchDate";
    public const string Role = "Role";
    public const string MainPurpose = "MainPurpose";
    public const string SelfAssessmentReport = "SelfAssessmentReportId";
    public const string DisclosureDocument = "DisclosureDocumentId";
    public const string Summary = "Summary";
    public const string Scenarios = "Scenarios";
    public const string InputModalities = "InputModalities";
    public const string OutputModalities = "OutputModalities";
    public const string DataSources = "DataSources";
    public const string UsesBiometricData = "UsesBiometricData";
    public const string UsesIdentityData = "UsesIdentityData";
    public const string ModelAndTrainingData = "ModelAndTrainingData";
    public const string Strategy = "Strategy";
    public const string RisksAndSafeguards = "RisksAndSafeguards";
    public const string Labeling = "Labeling";
    public const string ModerationFlow = "ModerationFlow";
    public const string LogRetentionMonths = "LogRetentionMonths";
    public const string ComplaintChannels = "ComplaintChannels";
    public const string RegulatorCooperation = "RegulatorCooperation";
    public const string DisclosurePrinciple = "DisclosurePrinciple";
    public const string DisclosureMechanism = "DisclosureMechanism";
    public const string DisclosureScenarios = "DisclosureScenarios";
    public const string DisclosurePurpose = "DisclosurePurpose";
    public const string LinkedProducts = "LinkedProducts";
    public const string ServiceMode = "ServiceMode";
    /// <summary>A reason that concerns the filing as a whole rather than one field.</summary>
    public const string General = "General";

    public static IReadOnlyList<(string Key, string Label)> All { get; } =
    [
        (Name, "算法名称"), (Type, "算法类型"), (Domain, "应用领域"), (LaunchDate, "上线时间"), (Role, "填报角色"),
        (MainPurpose, "主要用途"), (SelfAssessmentReport, "算法安全自评估报告"), (DisclosureDocument, "拟公示内容（文件）"),
        (Summary, "算法简介"), (Scenarios, "使用场景"), (InputModalities, "输入数据模态"), (OutputModalities, "输出数据模态"),
        (DataSources, "数据来源"), (UsesBiometricData, "是否使用生物特征数据"), (UsesIdentityData, "是否使用身份信息数据"),
        (ModelAndTrainingData, "算法模型及训练数据集"), (Strategy, "算法策略"), (RisksAndSafeguards, "算法风险与防范机制"),
        (Labeling, "内容标识（显式/隐式及示例）"), (ModerationFlow, "内容审核流程"), (LogRetentionMonths, "日志留存期限（月）"),
        (ComplaintChannels, "投诉举报渠道"), (RegulatorCooperation, "配合监管机制"),
        (DisclosurePrinciple, "算法基本原理"), (DisclosureMechanism, "算法运行机制"), (DisclosureScenarios, "算法应用场景"),
        (DisclosurePurpose, "算法目的意图"), (LinkedProducts, "关联产品及功能"), (ServiceMode, "技术服务方式"),
        (General, "整体"),
    ];

    /// <summary>Form position of a field (for listing reasons in form order); unknown keys last.</summary>
    public static int Order(string key)
    {
        for (var i = 0; i < All.Count; i++) if (All[i].Key == key) return i;
        return int.MaxValue;
    }

    /// <summary>The canonical key for a key in any letter case ("scenarios" → "Scenarios"), or the input unchanged.</summary>
    public static string Canonical(string key) =>
        All.FirstOrDefault(f => string.Equals(f.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase)).Key ?? key ?? "";

    public static bool IsKnown(string key) => All.Any(f => f.Key == key);

    public static string Label(string key) => All.FirstOrDefault(f => f.Key == key).Label ?? key;

    /// <summary>The step of the four-step form that edits a field (<see cref="FilingStep.Confirm"/> for <see cref="General"/>).</summary>
    public static FilingStep StepOf(string key) => key switch
    {
        Name or Type or Domain or LaunchDate or Role or MainPurpose or SelfAssessmentReport or DisclosureDocument => FilingStep.Basic,
        LinkedProducts or ServiceMode => FilingStep.Products,
        General => FilingStep.Confirm,
        _ => FilingStep.Details,
    };
}
