namespace Suanbei.GenAi.Statistics;

/// <summary>
/// A seeded sample stratified by a key (an item's first risk code): every stratum gets at least one item, the rest is
/// allocated in proportion to stratum size (largest remainders), and items within a stratum are drawn by a seeded
/// shuffle. The same seed and input give the same sample on every machine (<see cref="Random(int)"/> is stable).
/// </summary>
public static class StratifiedSampler
{
    public static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, Func<T, string> stratum, int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size >= items.Count) return items.ToList();
        var random = new Random(seed);
        var strata = items.Select((item, index) => (item, index)).GroupBy(x => stratum(x.item), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var take = new int[strata.Count];
        if (size >= strata.Count)
        {
            // One per stratum first, then the remaining places in proportion to what each stratum has left.
            for (var i = 0; i < strata.Count; i++) take[i] = 1;
            var rest = size - strata.Count;
            var left = strata.Select(s => s.Count - 1).ToArray();
            var total = left.Sum();
            var shares = left.Select(l => total == 0 ? 0 : (double)rest * l / total).ToArray();
            for (var i = 0; i < strata.Count; i++) take[i] += (int)Math.Floor(shares[i]);
            var remaining = size - take.Sum();
            foreach (var i in Enumerable.Range(0, strata.Count)
                         .OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i))
            {
                if (remaining == 0) break;
                if (take[i] < strata[i].Count) { take[i]++; remaining--; }
            }
        }
        else
        {
            // Fewer places than strata: a seeded choice of strata, one item each.
            foreach (var i in Shuffled(Enumerable.Range(0, strata.Count).ToList(), random).Take(size)) take[i] = 1;
        }
        var chosen = new List<(T item, int index)>(size);
        for (var i = 0; i < strata.Count; i++) chosen.AddRange(Shuffled(strata[i], random).Take(take[i]));
        // Back in bank order, so a sample reads like the bank it came from.
        return chosen.OrderBy(x => x.index).Select(x => x.item).ToList();
    }

    private static List<TItem> Shuffled<TItem>(List<TItem> list, Random random)
    {
        var copy = list.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }
}
