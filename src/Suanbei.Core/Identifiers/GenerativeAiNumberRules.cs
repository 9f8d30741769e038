using System.Globalization;
using System.Text.Json;

namespace Suanbei.Core.Identifiers;

/// <summary>
/// The four-digit sequence of generative-AI 备案 numbers as data (Data/rules/genai-numbers.json, citing the published
/// rows): numbers dated <see cref="FilingSequenceFrom"/> or later carry one of <see cref="FilingSequenceWidth"/> digits
/// after the date, counted per 属地 and year apart from the 登记 sequence; earlier numbers carry none.
/// </summary>
public sealed class GenerativeAiNumberRules
{
    private static readonly Lazy<GenerativeAiNumberRules> Embedded =
        new(() => Parse(EmbeddedData.ReadText("rules/genai-numbers.json")));

    public static GenerativeAiNumberRules Current => Embedded.Value;

    private GenerativeAiNumberRules(DateOnly from, int width)
    {
        FilingSequenceFrom = from;
        FilingSequenceWidth = width;
    }

    public DateOnly FilingSequenceFrom { get; }
    public int FilingSequenceWidth { get; }

    /// <summary>Whether a 备案 number dated <paramref name="date"/> carries a sequence.</summary>
    public bool FilingHasSequence(DateOnly date) => date >= FilingSequenceFrom;

    /// <summary>Parses and checks the rules document; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static GenerativeAiNumberRules Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("filingSequence", out var seq))
            throw new FormatException("generative-AI number rules lack filingSequence");
        var fromText = seq.TryGetProperty("from", out var f) ? f.GetString() : null;
        if (!DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            throw new FormatException($"filingSequence.from is not a date: {fromText}");
        var width = seq.TryGetProperty("width", out var w) && w.TryGetInt32(out var n) ? n : 0;
        if (width is < 1 or > 9) throw new FormatException($"filingSequence.width must be 1–9: {width}");
        if (!seq.TryGetProperty("evidence", out var e) || e.GetArrayLength() == 0)
            throw new FormatException("filingSequence cites no evidence");
        return new GenerativeAiNumberRules(from, width);
    }
}
