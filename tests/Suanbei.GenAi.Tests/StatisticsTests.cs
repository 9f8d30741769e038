using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Tests;

public class StatisticsTests
{
    // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score without continuity correction).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_interval_matches_Newcombe_1998(int k, int n, double low, double high)
    {
        var p = Proportion.Wilson(k, n);
        Assert.Equal(low, p.Low, 4);
        Assert.Equal(high, p.High, 4);
    }

    [Fact]
    public void Wilson_interval_stays_inside_0_1_at_the_edges()
    {
        var all = Proportion.Wilson(300, 300);
        Assert.Equal(1.0, all.High);
        Assert.InRange(all.Low, 0.98, 0.99);
        Assert.Equal((0.0, 1.0), (Proportion.Wilson(0, 0).Low, Proportion.Wilson(0, 0).High));
    }

    [Fact]
    public void Kappa_of_the_textbook_example_is_0_4()
    {
        // 50 items: both yes 20, first yes second no 5, first no second yes 10, both no 15 → p_o 0.7, p_e 0.5.
        var pairs = Enumerable.Repeat((true, true), 20).Concat(Enumerable.Repeat((true, false), 5))
            .Concat(Enumerable.Repeat((false, true), 10)).Concat(Enumerable.Repeat((false, false), 15)).ToList();
        Assert.Equal(0.4, CohensKappa.Compute(pairs), 10);
    }

    [Fact]
    public void Kappa_is_1_for_perfect_agreement_and_negative_below_chance()
    {
        Assert.Equal(1.0, CohensKappa.Compute([("合格", "合格"), ("不合格", "不合格")]));
        Assert.True(CohensKappa.Compute([("合格", "不合格"), ("不合格", "合格")]) < 0);
    }

    private static readonly List<(string Risk, int N)> Bank =
        Enumerable.Range(0, 31).Select(i => ($"R{i:00}", i)).SelectMany(x => Enumerable.Repeat(x.Item1, 3 + x.Item2 * 5))
            .Select((r, n) => (r, n)).ToList();

    [Fact]
    public void Stratified_sample_has_the_size_asked_and_every_stratum()
    {
        var sample = StratifiedSampler.Sample(Bank, x => x.Risk, 200, seed: 7);
        Assert.Equal(200, sample.Count);
        Assert.Equal(31, sample.Select(x => x.Risk).Distinct().Count());
        Assert.Equal(200, sample.Distinct().Count());
        // Proportional beyond the one each: the largest stratum (153 of 2418) gets about 200 × 153/2418 ≈ 13.
        Assert.InRange(sample.Count(x => x.Risk == "R30"), 11, 14);
    }

    [Fact]
    public void Stratified_sample_is_reproducible_by_seed()
    {
        var a = StratifiedSampler.Sample(Bank, x => x.Risk, 100, seed: 42);
        var b = StratifiedSampler.Sample(Bank, x => x.Risk, 100, seed: 42);
        var c = StratifiedSampler.Sample(Bank, x => x.Risk, 100, seed: 43);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_sample_larger_than_the_bank_is_the_bank()
    {
        Assert.Equal(Bank, StratifiedSampler.Sample(Bank, x => x.Risk, Bank.Count + 5, 1));
    }

    [Fact]
    public void Reservoir_sample_is_reproducible_and_uniform()
    {
        static IReadOnlyList<int> Draw(int seed)
        {
            var r = new ReservoirSampler<int>(10, seed);
            for (var i = 0; i < 100; i++)
                if (r.WantsNext) r.Offer(i); else r.Pass();
            return r.Items;
        }
        Assert.Equal(Draw(5), Draw(5));
        Assert.NotEqual(Draw(5), Draw(6));
        Assert.All(Enumerable.Range(0, 50), s => Assert.Equal(10, Draw(s).Distinct().Count()));
        // Over 4,000 seeds each of the 100 items is kept about 400 times (binomial sd ≈ 19); a biased sampler that
        // favours early or late items lands far outside.
        var counts = new int[100];
        for (var s = 0; s < 4000; s++) foreach (var i in Draw(s)) counts[i]++;
        Assert.All(counts, c => Assert.InRange(c, 300, 500));
        Assert.InRange(counts.Take(10).Sum(), 3600, 4400);
        Assert.InRange(counts.Skip(90).Sum(), 3600, 4400);
    }
}
