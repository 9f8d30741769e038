using Suanbei.Core.Calendar;

namespace Suanbei.Core.Assessment;

/// <summary>A conclusion of the assessment with the rule that produced it and the article it rests on.</summary>
public sealed record Citation(string RuleId, string Text, string Article);

/// <summary>Filing role (填报角色).</summary>
public enum FilingRole { ServiceProvider, TechnicalSupporter }

/// <summary>Large-model duty: none, 备案 (own or fine-tuned model) or 登记 (calls a filed model).</summary>
public enum LargeModelDutyKind { None, Filing, Registration }

public sealed record MaterialItem(string Name, string Article);

/// <summary>One algorithm filing to make: one per independent algorithm and role.</summary>
public sealed record PlannedFiling(
    string AlgorithmName,
    AlgorithmType Type,
    string TypeName,
    FilingRole Role,
    string RoleName,
    IReadOnlyList<string> Functions,
    IReadOnlyList<Citation> Basis,
    IReadOnlyList<MaterialItem> Materials);

public sealed record LargeModelDuty(LargeModelDutyKind Kind, string KindName, Citation Basis, IReadOnlyList<MaterialItem> Materials);

public sealed record LabelingDuty(ContentType ContentType, string ContentTypeName, string Explicit, string Implicit, string Article);

/// <summary>A deadline that applies to the plan; <see cref="DueDate"/> is set when the event date is known and covered by the
/// calendar.</summary>
public sealed record PlannedDeadline(DeadlineKind Kind, string Name, int WorkingDays, string Article, DateOnly? EventDate,
    DateOnly? DueDate, string? Note);

/// <summary>The result of the applicability assessment (备案判断).</summary>
public sealed record AssessmentPlan(
    string RulesVersion,
    string ServiceName,
    bool FilingRequired,
    IReadOnlyList<Citation> Reasons,
    IReadOnlyList<AlgorithmType> AlgorithmTypes,
    IReadOnlyList<FilingRole> Roles,
    bool DualFiling,
    IReadOnlyList<PlannedFiling> Filings,
    LargeModelDuty LargeModel,
    IReadOnlyList<Citation> SecurityAssessments,
    IReadOnlyList<LabelingDuty> Labeling,
    Citation? BiometricLabeling,
    IReadOnlyList<MaterialItem> SubjectMaterials,
    IReadOnlyList<PlannedDeadline> Deadlines,
    IReadOnlyList<Citation> Prerequisites);
