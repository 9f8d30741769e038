using System.Text;

namespace Suanbei.Core.Identifiers;

/// <summary>
/// Romanises a Chinese name the way generative-AI numbers spell model names (文心一言 → WenXinYiYan): each Han character
/// by its most customary reading, syllables capitalised and joined. The readings are data, Data/pinyin.tsv, generated
/// from Unicode's Unihan kMandarin field (tools/pinyin/make-table.py). One reading per character, so a character read
/// another way in a word (行业 → HangYe, not XingYe) comes out wrong: the reviewer edits the name before issuing.
/// </summary>
public static class Pinyin
{
    private static readonly Lazy<Dictionary<int, string>> Table = new(Load);

    /// <summary>
    /// The name romanised: Han characters as capitalised syllables; ASCII letters and digits kept as written (full-width
    /// ones read as ASCII); a hyphen kept between two kept characters (GLM-4); everything else (spaces, brackets, ·, 《》,
    /// quotes, characters without a reading) dropped. Empty when nothing is left.
    /// </summary>
    public static string Romanise(string? chineseName)
    {
        var sb = new StringBuilder();
        var pendingHyphen = false;
        foreach (var rune in (chineseName ?? "").EnumerateRunes())
        {
            var value = rune.Value is >= 0xFF01 and <= 0xFF5E ? rune.Value - 0xFEE0 : rune.Value;
            string? piece = value < 0x80
                ? (char.IsAsciiLetterOrDigit((char)value) ? ((char)value).ToString() : null)
                : Syllable(value);
            if (value == '-')
            {
                pendingHyphen = sb.Length > 0;
                continue;
            }
            if (piece is null) continue;
            if (pendingHyphen) sb.Append('-');
            pendingHyphen = false;
            sb.Append(piece);
        }
        return sb.ToString();
    }

    /// <summary>The capitalised syllable of one Han character (文 → Wen), or null when the table has no reading for it.</summary>
    public static string? Syllable(int codePoint) => Table.Value.GetValueOrDefault(codePoint);

    /// <summary>How many characters the table reads.</summary>
    public static int Count => Table.Value.Count;

    private static Dictionary<int, string> Load()
    {
        var table = new Dictionary<int, string>(42_000);
        foreach (var row in EmbeddedData.ReadTsv("pinyin.tsv"))
        {
            var reading = row["reading"];
            var syllable = char.ToUpperInvariant(reading[0]) + reading[1..];
            foreach (var rune in row["characters"].EnumerateRunes()) table[rune.Value] = syllable;
        }
        return table;
    }
}
