namespace Suanbei.Core.Filings;

/// <summary>Step ① 基本属性 (all optional while a draft is saved).</summary>
public sealed record BasicAttributes
{
    public string? Name { get; init; }                 // 算法名称
    public AlgorithmType? Type { get; init; }          // 算法类型
    public string? Domain { get; init; }               // 应用领域
    public DateOnly? LaunchDate { get; init; }         // 上线时间
    public FilingRole? Role { get; init; }             // 填报角色
    public string? MainPurpose { get; init; }          // 主要用途 (the public list's column)
    public Guid? SelfAssessmentReportId { get; init; } // 《算法安全自评估报告》
    public Guid? DisclosureDocumentId { get; init; }   // 《拟公示内容》 upload
}
