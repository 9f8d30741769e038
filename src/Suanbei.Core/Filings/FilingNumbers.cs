using System.Security.Cryptography;
using Suanbei.Core.Identifiers;

namespace Suanbei.Core.Filings;

/// <summary>
/// How Suanbei issues filing numbers (reference §4). The rules are here; the database guarantees uniqueness
/// (unique indexes on the number and on entity/type/year/sequence; the web layer inserts and retries on conflict).
///
/// - Entity code (digits 7–13): allocated once per subject, at its first publication, as a random 7-digit number
///   1000000–9999999 (random like the CAC's, and not derived from the credit code, so it leaks nothing and cannot be
///   guessed from the subject). A collision with another subject's code is caught by a unique index and retried.
/// - Sequence (digits 18–20): next after the highest sequence ever issued for (entity, type code, year) — issued
///   numbers are never deleted, so cancelled numbers are never reissued.
/// </summary>
public static class FilingNumbers
{
    public const int MaxSequence = 999;

    public static string NewEntityCode() => RandomNumberGenerator.GetInt32(1_000_000, 10_000_000).ToString("D7");

    /// <summary>The two-digit year of issue, in China time.</summary>
    public static int IssueYear(DateTimeOffset now) => ChinaTime.Date(now).Year;

    public static string Compose(string regionCode, string entityCode, AlgorithmType type, int year, int sequence)
    {
        if (sequence > MaxSequence)
            throw new DomainException($"该主体本年度{DisplayNames.Of(type)}备案编号已用尽（上限 {MaxSequence}）。");
        if (Regions.Validate(regionCode) is { } problem) throw new DomainException($"主体注册地代码无效：{problem}");
        return FilingNumber.Compose(regionCode, entityCode, AlgorithmTypes.NumberTypeCode(type), year, sequence);
    }

    /// <summary>The HTML a filer puts in its footer (Art. 26): the number, linking to the public entry.</summary>
    public static string FooterSnippet(string number, string publicUrl) =>
        $"<a href=\"{System.Net.WebUtility.HtmlEncode(publicUrl)}\" target=\"_blank\" rel=\"noopener\">"
        + $"{System.Net.WebUtility.HtmlEncode(number)}</a>";
}
