namespace Suanbei.Core.Filings;

/// <summary>How content of one output modality is labeled (explicit and implicit, GB 45438-2025) with an example upload.</summary>
public sealed record LabelingInput(DataModality Modality, string? ExplicitMethod, string? ImplicitMethod, Guid? ExampleMaterialId);
