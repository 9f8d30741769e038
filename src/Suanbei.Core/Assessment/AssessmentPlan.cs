namespace Suanbei.Core.Assessment;

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
