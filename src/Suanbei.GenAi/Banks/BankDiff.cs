namespace Suanbei.GenAi.Banks;

/// <summary>
/// What changed between two versions of a bank: items added, removed and changed, and each code's item count before
/// and after. An item is the same item in both when it has the same id, or, without ids, the same text after
/// <see cref="TextNormalizer.Normalize"/> (so a re-sorted or re-spaced file is not a change); a same item whose codes or
/// normalised text differ is changed.
/// </summary>
public sealed record BankDiff(IReadOnlyList<BankItem> Added, IReadOnlyList<BankItem> Removed,
    IReadOnlyList<(BankItem Before, BankItem After)> Changed, IReadOnlyList<CodeDelta> ByCode)
{
    public bool Same => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public static BankDiff Compare(IReadOnlyList<BankItem> before, IReadOnlyList<BankItem> after)
    {
        static string Identity(BankItem i) => i.Id is { Length: > 0 } id ? "id:" + id : "text:" + TextNormalizer.Normalize(i.Text);
        var old = new Dictionary<string, BankItem>(StringComparer.Ordinal);
        foreach (var i in before) old.TryAdd(Identity(i), i);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<BankItem>();
        var changed = new List<(BankItem, BankItem)>();
        foreach (var i in after)
        {
            var key = Identity(i);
            if (!seen.Add(key)) continue;
            if (!old.TryGetValue(key, out var was)) added.Add(i);
            else if (TextNormalizer.Normalize(was.Text) != TextNormalizer.Normalize(i.Text)
                     || !was.Codes.Order(StringComparer.Ordinal).SequenceEqual(i.Codes.Order(StringComparer.Ordinal)))
                changed.Add((was, i));
        }
        var removed = old.Where(p => !seen.Contains(p.Key)).Select(p => p.Value).ToList();
        var countsBefore = Counts(before);
        var countsAfter = Counts(after);
        var byCode = countsBefore.Keys.Union(countsAfter.Keys).Order(StringComparer.Ordinal)
            .Select(c => new CodeDelta(c, countsBefore.GetValueOrDefault(c), countsAfter.GetValueOrDefault(c)))
            .ToList();
        return new BankDiff(added, removed, changed, byCode);
    }

    /// <summary>Items per code: an item counts once for each distinct code it carries.</summary>
    private static Dictionary<string, int> Counts(IEnumerable<BankItem> items) =>
        items.SelectMany(i => i.Codes.Distinct()).GroupBy(c => c, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
