using System.Diagnostics;

namespace Suanbei.Labels.Explicit;

/// <summary>What an explicit labeler did, for the user and for the filing's description of its labeling (Art. 12).</summary>
/// <param name="Kind">text, image, audio or video.</param>
/// <param name="Position">Where the label is: prefix/suffix/both, bottom/top/corner, start.</param>
/// <param name="Text">The words shown (image/video/text) or the cue's description (audio).</param>
/// <param name="TextHeightPx">Font size in pixels (image/video); null otherwise.</param>
/// <param name="DurationSeconds">How long the label is shown or heard (video/audio); null otherwise.</param>
/// <param name="Details">Further facts (image size, band height, tool used, …).</param>
public sealed record ExplicitLabelReport(string Kind, string Position, string Text, int? TextHeightPx, double? DurationSeconds,
    IReadOnlyDictionary<string, string> Details);
