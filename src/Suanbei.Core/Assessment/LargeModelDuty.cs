namespace Suanbei.Core.Assessment;

public sealed record LargeModelDuty(LargeModelDutyKind Kind, string KindName, Citation Basis, IReadOnlyList<MaterialItem> Materials);
