namespace Suanbei.Labels;

/// <summary>One label found, with its placement and the fields as parsed (missing fields are null).</summary>
public sealed record VerifiedLabel(string Placement, string RawValue, IReadOnlyDictionary<string, string?> Fields, bool Parsed)
{
    /// <summary>The label when all seven fields are present as strings.</summary>
    public AigcLabel? Label => Parsed ? new LabelPayload(Fields, false).ToLabel() : null;
}
