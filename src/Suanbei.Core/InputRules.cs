namespace Suanbei.Core;

/// <summary>
/// What any text or date entered by a person must satisfy before it is stored, the same on SQLite and PostgreSQL.
/// Text: no U+0000 (PostgreSQL cannot store it in text columns) and no unpaired UTF-16 surrogate (not Unicode text; it
/// cannot be encoded as UTF-8). Such input is refused, not silently altered. Dates: within
/// <see cref="EarliestDate"/>–<see cref="LatestDate"/>, a range any real filing date lies in and the working-day
/// calendar can count past.
/// </summary>
public static class InputRules
{
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>Why the text cannot be stored (a Chinese phrase to follow the field name), or null when it can.</summary>
    public static string? TextProblem(string? text)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "含有空字符（U+0000），无法保存，请删除后重试";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"含有无效的 Unicode 字符（第{i + 1}个字符是不成对的代理项），无法保存";
        }
        return null;
    }

    /// <summary>Why the date is not accepted (a Chinese phrase to follow the field name), or null when it is.</summary>
    public static string? DateProblem(DateOnly? date) =>
        date is { } d && (d < EarliestDate || d > LatestDate)
            ? $"应在 {EarliestDate:yyyy-MM-dd} 至 {LatestDate:yyyy-MM-dd} 之间（收到 {d:yyyy-MM-dd}）"
            : null;
}
