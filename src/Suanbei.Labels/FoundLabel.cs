namespace Suanbei.Labels;

/// <summary>A label found in a file: where it sits and the raw value stored there.</summary>
/// <param name="Placement">Stable placement id, e.g. "png/iTXt/XMP", "png/tEXt/AIGC", "jpeg/APP1/XMP", "mp4/moov/udta/meta/keys",
/// "wav/LIST/INFO/AIGC".</param>
/// <param name="RawValue">The value as stored (JSON text, possibly wrapped); parsed by <see cref="LabelPayload"/>.</param>
public sealed record FoundLabel(string Placement, string RawValue);
