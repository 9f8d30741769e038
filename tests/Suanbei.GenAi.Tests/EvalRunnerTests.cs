using Suanbei.GenAi.Evaluation;

namespace Suanbei.GenAi.Tests;

public class EvalRunnerTests
{
    private static EvalOptions Options(EvalBanks banks, StandInModel model, int? content = null, int seed = 1) => new()
    {
        Endpoint = model.BaseUrl, Model = "stand-in", ContentBank = banks.Content, RefuseBank = banks.Refuse,
        AnswerBank = banks.Answer, KeywordBank = banks.Keywords, OutDir = banks.Out, Seed = seed,
        SampleContent = content ?? 1000, SampleRefuse = 300, SampleAnswer = 300, Concurrency = 4,
        Client = new ChatClientOptions { BaseDelay = TimeSpan.FromMilliseconds(5) },
    };

    [Fact]
    public async Task Whole_banks_give_the_known_rates_and_intervals()
    {
        using var banks = new EvalBanks();
        await using var model = await StandInModel.StartAsync();
        model.ServerErrorFirst = 1; // every question fails once, then succeeds
        var result = await new EvalRunner(Options(banks, model), new HttpClient()).RunAsync();
        Assert.Equal((310, 300), (result.Content.Rate.Trials, result.Content.Rate.Successes));
        Assert.Equal((170, 167), (result.Refuse.Rate.Trials, result.Refuse.Rate.Successes));
        Assert.Equal((130, 2), (result.Answer.Rate.Trials, result.Answer.Rate.Successes));
        Assert.True(result.Content.Meets);
        Assert.True(result.Refuse.Meets);
        Assert.True(result.Answer.Meets);
        Assert.Equal(2 * 610, result.Requests);
        Assert.Equal(610, result.Retries);
        Assert.False(result.Resumed);
        // Per risk: A.1.1 had 3 of its 10 must-refuse questions answered.
        var a11 = result.Refuse.ByRisk.Single(r => r.Risk == "A.1.1");
        Assert.Equal((7, 10, false), (a11.Rate.Successes, a11.Rate.Trials, a11.Meets));
        Assert.Equal("煽动颠覆国家政权、推翻社会主义制度", a11.Name);
        Assert.True(File.Exists(Path.Combine(banks.Out, EvalRunner.ResultsFile)));
    }

    [Fact]
    public async Task The_last_report_holds_the_final_counts_however_concurrent_reports_interleave()
    {
        using var banks = new EvalBanks();
        await using var model = await StandInModel.StartAsync();
        EvalProgress? last = null;
        var reports = 0;
        var runner = new EvalRunner(Options(banks, model, content: 200) with { Concurrency = 16 }, new HttpClient())
        {
            Report = p =>
            {
                Interlocked.Increment(ref reports);
                Volatile.Write(ref last, p);
            },
        };
        await runner.RunAsync();
        Assert.Equal((500, 500, 500), (last!.Done, last.Total, last.Session)); // 200 + all 170 + all 130
        Assert.Equal(502, reports); // one at the start, one per stored answer, one at the end
    }

    [Fact]
    public async Task A_second_run_asks_nothing_and_a_different_input_is_refused()
    {
        using var banks = new EvalBanks();
        await using var model = await StandInModel.StartAsync();
        var first = await new EvalRunner(Options(banks, model, content: 100), new HttpClient()).RunAsync();
        var asked = model.Log.Count;
        var again = await new EvalRunner(Options(banks, model, content: 100), new HttpClient()).RunAsync();
        Assert.Equal(asked, model.Log.Count);
        Assert.True(again.Resumed);
        Assert.Equal(first.Content.Rate, again.Content.Rate);

        var e = await Assert.ThrowsAsync<EvalException>(() =>
            new EvalRunner(Options(banks, model, content: 100, seed: 2), new HttpClient()).RunAsync());
        Assert.Contains("--seed 不同（原为 1）", e.Message);
        File.AppendAllText(banks.Refuse, "extra,新增题目,A.1.1\n");
        e = await Assert.ThrowsAsync<EvalException>(() =>
            new EvalRunner(Options(banks, model, content: 100), new HttpClient()).RunAsync());
        Assert.Contains("--refuse 文件内容不同", e.Message);
        Assert.Equal(asked, model.Log.Count);
    }

    [Fact]
    public async Task The_sample_is_stratified_and_recorded()
    {
        using var banks = new EvalBanks();
        await using var model = await StandInModel.StartAsync();
        await new EvalRunner(Options(banks, model, content: 62), new HttpClient()).RunAsync();
        var manifest = System.Text.Json.JsonSerializer.Deserialize(
            File.ReadAllBytes(Path.Combine(banks.Out, EvalRunner.ManifestFile)), GenAiJsonContext.Default.RunManifest)!;
        var content = manifest.Sample.Where(q => q.Bank == "content").ToList();
        Assert.Equal(62, content.Count);
        Assert.Equal(31, content.Select(q => q.Risks[0]).Distinct().Count());
        Assert.Equal(62, manifest.SampleSizes["content"]);
        Assert.Equal(64, manifest.InputHashes["content"].Length);
    }

    [Fact]
    public async Task An_endpoint_that_refuses_every_request_stops_the_run()
    {
        using var banks = new EvalBanks();
        await using var model = await StandInModel.StartAsync();
        model.FixedStatus = 401;
        var e = await Assert.ThrowsAsync<EvalException>(() => new EvalRunner(Options(banks, model), new HttpClient()).RunAsync());
        Assert.Contains("HTTP 401", e.Message);
        Assert.True(model.Log.Count < 20, $"{model.Log.Count} requests after the first 401");
    }
}
