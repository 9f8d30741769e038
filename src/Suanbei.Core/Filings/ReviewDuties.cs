using System.Text.Json;

namespace Suanbei.Core.Filings;

/// <summary>
/// Separation of duties in review, as data (<c>Data/rules/review-duties.json</c>, which cites why): an action taken
/// in a status is refused to the reviewer who took an earlier action on the same filing version, e.g. 二审 by the
/// reviewer who passed 一审. <see cref="AlgorithmFiling"/> checks it on every transition.
/// </summary>
public static class ReviewDuties
{
    public sealed record Rule(string Id, FilingAction Earlier, IReadOnlySet<FilingAction> Later, FilingStatus InStatus, string Message);

    private static readonly Lazy<IReadOnlyList<Rule>> Data = new(Load);

    public static IReadOnlyList<Rule> Rules => Data.Value;

    /// <summary>
    /// The rule that refuses <paramref name="actor"/> taking <paramref name="action"/> in <paramref name="status"/> given the
    /// version's audit trail, or null when none does. Only the last earlier action counts (the current review round).
    /// </summary>
    public static Rule? Violated(FilingStatus status, FilingAction action, Actor actor, IEnumerable<FilingAuditEntry> trail)
    {
        var entries = trail.OrderBy(e => e.Sequence).ToList();
        foreach (var rule in Rules)
        {
            if (rule.InStatus != status || !rule.Later.Contains(action)) continue;
            var earlier = entries.LastOrDefault(e => e.Action == rule.Earlier);
            if (earlier is not null && earlier.ActorUserId == actor.UserId) return rule;
        }
        return null;
    }

    private static IReadOnlyList<Rule> Load()
    {
        using var doc = JsonDocument.Parse(EmbeddedData.ReadText("rules/review-duties.json"));
        return doc.RootElement.GetProperty("rules").EnumerateArray().Select(r => new Rule(
                r.GetProperty("id").GetString()!,
                Enum.Parse<FilingAction>(r.GetProperty("earlier").GetString()!),
                r.GetProperty("later").EnumerateArray().Select(a => Enum.Parse<FilingAction>(a.GetString()!)).ToHashSet(),
                Enum.Parse<FilingStatus>(r.GetProperty("inStatus").GetString()!),
                r.GetProperty("message").GetString()!))
            .ToList();
    }
}
