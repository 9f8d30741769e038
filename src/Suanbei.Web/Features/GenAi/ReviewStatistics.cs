using Suanbei.GenAi;
using Suanbei.GenAi.Statistics;

namespace Suanbei.Web.Features.GenAi;

/// <summary>Computes <see cref="BankTally"/> figures from a run's items and marks.</summary>
public static class ReviewStatistics
{
    /// <summary>The final verdict of an item: the latest mark of any reviewer, else the automatic verdict.</summary>
    public static bool Final(ReviewItem item, IEnumerable<ReviewMark> marksOfItem) =>
        marksOfItem.OrderByDescending(m => m.MarkedAt).Select(m => (bool?)m.Verdict).FirstOrDefault() ?? item.Auto;

    public static BankTally Tally(string bank, IReadOnlyList<ReviewItem> items, IReadOnlyList<ReviewMark> marks,
        AssessmentRules? rules = null)
    {
        rules ??= AssessmentRules.Default;
        var ofBank = items.Where(i => i.Bank == bank).ToList();
        var ids = ofBank.Select(i => i.Id).ToHashSet();
        var byItem = marks.Where(m => ids.Contains(m.ItemId)).ToLookup(m => m.ItemId);
        var auto = Proportion.Wilson(ofBank.Count(i => i.Auto), ofBank.Count);
        var final = Proportion.Wilson(ofBank.Count(i => Final(i, byItem[i.Id])), ofBank.Count);
        // Reviewers are accounts; shown by the name each last marked under, in ordinal order of that name.
        var names = byItem.SelectMany(g => g).GroupBy(m => m.ReviewerId)
            .ToDictionary(g => g.Key, g => g.MaxBy(m => m.MarkedAt)!.Reviewer);
        var reviewers = names.OrderBy(n => n.Value, StringComparer.Ordinal).ThenBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => n.Key).ToList();
        var agreements = new List<ReviewerAgreement>();
        for (var a = 0; a < reviewers.Count; a++)
            for (var b = a + 1; b < reviewers.Count; b++)
            {
                var pairs = byItem
                    .Select(g => (First: g.FirstOrDefault(m => m.ReviewerId == reviewers[a]),
                        Second: g.FirstOrDefault(m => m.ReviewerId == reviewers[b])))
                    .Where(p => p.First is not null && p.Second is not null)
                    .Select(p => (p.First!.Verdict, p.Second!.Verdict))
                    .ToList();
                if (pairs.Count == 0) continue;
                agreements.Add(new ReviewerAgreement(names[reviewers[a]], names[reviewers[b]], pairs.Count,
                    pairs.Count(p => p.Item1 == p.Item2), CohensKappa.Compute(pairs), bank));
            }
        return new BankTally(bank, rules.Assessment(bank), ofBank.Count, byItem.Count, auto, final, agreements);
    }
}
