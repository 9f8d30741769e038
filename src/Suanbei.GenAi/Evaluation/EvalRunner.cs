using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Keywords;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Evaluation;

/// <summary>
/// Runs the assessment's three sampled tests against a model: draws (or reloads) the sample, asks every question that
/// has no stored answer with bounded concurrency, stores each outcome in the journal before counting it, then judges.
/// The output folder holds <c>manifest.json</c> (inputs, seed, sample), <c>journal.jsonl</c> and <c>results.json</c>.
/// </summary>
public sealed class EvalRunner(EvalOptions options, HttpClient http, AssessmentRules? rules = null)
{
    private readonly AssessmentRules _rules = rules ?? AssessmentRules.Default;

    /// <summary>Called after each stored outcome with (done, total, answered this session, elapsed).</summary>
    public Action<int, int, int, TimeSpan>? Progress { get; init; }

    /// <summary>Called once the sample is known and after each stored outcome or unanswered question, with the
    /// request, retry and error counts too (the web page's live progress). Calls from concurrent questions may arrive
    /// out of order; the last call, made once every question has ended, holds the final counts.</summary>
    public Action<EvalProgress>? Report { get; init; }

    public const string ManifestFile = "manifest.json";
    public const string JournalFile = "journal.jsonl";
    public const string ResultsFile = "results.json";

    public async Task<EvalResult> RunAsync(CancellationToken cancel = default)
    {
        Directory.CreateDirectory(options.OutDir);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content"] = Hash(options.ContentBank, "--content"),
            ["refuse"] = Hash(options.RefuseBank, "--refuse"),
            ["answer"] = Hash(options.AnswerBank, "--answer"),
            ["keywords"] = Hash(options.KeywordBank, "--keywords"),
        };
        var manifestPath = Path.Combine(options.OutDir, ManifestFile);
        var manifest = File.Exists(manifestPath) ? LoadAndCompare(manifestPath, hashes) : Create(manifestPath, hashes);
        var keywords = KeywordLibrary.FromBank(ReadBank(options.KeywordBank, "--keywords"));

        await using var journal = RunJournal.Open(Path.Combine(options.OutDir, JournalFile), out var records);
        var resumed = records.Count > 0;
        var answered = new Dictionary<string, JournalRecord>(StringComparer.Ordinal);
        foreach (var r in records) if (r.Answer is not null) answered[r.Id] = r;
        var pending = manifest.Sample.Where(q => !answered.ContainsKey(q.Id)).ToList();

        var client = new ChatClient(http, options.Endpoint, options.Model, options.ApiKey, options.Client);
        long requests = 0;
        var done = manifest.Sample.Count - pending.Count;
        var session = 0;
        var clock = Stopwatch.StartNew();
        var failures = new System.Collections.Concurrent.ConcurrentBag<(SampledQuestion Q, ChatOutcome O)>();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        string? fatal = null;
        var writes = new List<Task>();
        void Reported() => Report?.Invoke(new EvalProgress(Volatile.Read(ref done), manifest.Sample.Count,
            Volatile.Read(ref session), clock.Elapsed, Interlocked.Read(ref requests), client.Retries, failures.Count));
        Reported();
        async Task Stored(Task write, string id, JournalRecord record)
        {
            await write;
            lock (answered) answered[id] = record;
            var d = Interlocked.Increment(ref done);
            var s = Interlocked.Increment(ref session);
            Progress?.Invoke(d, manifest.Sample.Count, s, clock.Elapsed);
            Reported();
        }
        try
        {
            await Parallel.ForEachAsync(pending,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = abort.Token },
                async (q, ct) =>
                {
                    var outcome = await client.AskAsync(manifest.SystemPrompt, q.Text, manifest.Temperature, ct);
                    Interlocked.Add(ref requests, outcome.Attempts);
                    var record = new JournalRecord(q.Id, q.Text, outcome.Answer, outcome.Error, outcome.Status,
                        outcome.LatencyMs, outcome.Attempts, DateTimeOffset.UtcNow);
                    var write = journal.AppendAsync(record);
                    if (outcome.Answer is null)
                    {
                        failures.Add((q, outcome));
                        Reported();
                        if (outcome.Fatal)
                        {
                            fatal ??= outcome.Error;
                            await abort.CancelAsync();
                        }
                    }
                    else
                    {
                        // The slot moves on to the next question while the fsync runs; the answer counts (and the
                        // question is not asked again after a kill) only once the write completes.
                        lock (writes) writes.Add(Stored(write, q.Id, record));
                    }
                });
        }
        catch (OperationCanceledException) when (fatal is not null && !cancel.IsCancellationRequested) { }
        finally
        {
            Task[] all;
            lock (writes) all = writes.ToArray();
            await Task.WhenAll(all);
            // Concurrent reports may arrive out of order (one built before another's increment, delivered after it);
            // this one, with nothing running any more, is the last and holds the final counts.
            Reported();
        }
        if (fatal is not null)
            throw new EvalException($"接口拒绝了请求：{fatal}。请检查 --endpoint、--model 与 API 密钥；已保存的回答不受影响，修正后再次运行同一命令继续。");
        if (failures.Count > 0)
        {
            var (q, o) = failures.First();
            throw new EvalException($"{failures.Count} 个问题在重试后仍未得到回答（例如 {q.Id}：{o.Error}）。" +
                "已保存的回答不受影响；再次运行同一命令只会询问这些问题。");
        }

        var result = Judge(manifest, answered, keywords, requests, client.Retries, resumed);
        WriteResults(Path.Combine(options.OutDir, ResultsFile), result);
        return result;
    }

    private EvalResult Judge(RunManifest manifest, Dictionary<string, JournalRecord> answers, KeywordLibrary keywords,
        long requests, long retries, bool resumed)
    {
        var refusal = RefusalDetector.Default;
        BankResult For(string bank, Func<string, bool> success) => BankResult.From(bank,
            manifest.Sample.Where(q => q.Bank == bank).Select(q => (q.Risks, success(answers[q.Id].Answer!))), _rules);
        return new EvalResult(
            For("content", a => AnswerJudge.Success("content", a, keywords, refusal)),
            For("refuse", a => AnswerJudge.Success("refuse", a, keywords, refusal)),
            For("answer", a => AnswerJudge.Success("answer", a, keywords, refusal)),
            requests, retries, resumed);
    }

    private RunManifest Create(string path, IReadOnlyDictionary<string, string> hashes)
    {
        var sizes = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["content"] = options.SampleContent ?? _rules.Assessment("content").Sample!.Value,
            ["refuse"] = options.SampleRefuse ?? _rules.Assessment("refuse").Sample!.Value,
            ["answer"] = options.SampleAnswer ?? _rules.Assessment("answer").Sample!.Value,
        };
        var sample = new List<SampledQuestion>();
        var banks = new[] { ("content", options.ContentBank, "--content"), ("refuse", options.RefuseBank, "--refuse"),
            ("answer", options.AnswerBank, "--answer") };
        for (var b = 0; b < banks.Length; b++)
        {
            var (name, file, option) = banks[b];
            var items = ReadBank(file, option).Items.Where(i => i.Text.Length > 0)
                .GroupBy(i => i.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();
            if (items.Count == 0) throw new EvalException($"{option} 题库 {file} 没有题目");
            // Each bank draws with its own stream derived from the seed, so one bank's size does not move another's.
            foreach (var i in StratifiedSampler.Sample(items, i => i.PrimaryCode, sizes[name], unchecked(options.Seed * 31 + b)))
                sample.Add(new SampledQuestion(name, i.Key, i.Text, i.Codes));
        }
        var manifest = new RunManifest(1, options.Endpoint, options.Model, options.SystemPrompt, options.Temperature,
            options.Seed, hashes, sizes, sample, _rules.Version, DateTimeOffset.UtcNow);
        AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(manifest, GenAiJsonContext.Default.RunManifest));
        return manifest;
    }

    private RunManifest LoadAndCompare(string path, IReadOnlyDictionary<string, string> hashes)
    {
        RunManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), GenAiJsonContext.Default.RunManifest)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new EvalException($"输出目录中的 {ManifestFile} 已损坏（{e.Message}），无法继续该次评估；请换一个 --out 目录。");
        }
        var differences = new List<string>();
        foreach (var (input, hash) in hashes)
            if (manifest.InputHashes.GetValueOrDefault(input) != hash) differences.Add($"--{input} 文件内容不同");
        if (manifest.Model != options.Model) differences.Add($"--model 不同（原为 {manifest.Model}）");
        if (manifest.Seed != options.Seed) differences.Add($"--seed 不同（原为 {manifest.Seed}）");
        if (manifest.SystemPrompt != options.SystemPrompt) differences.Add("--system 不同");
        if (manifest.Temperature != options.Temperature) differences.Add($"--temperature 不同（原为 {manifest.Temperature}）");
        void Size(string bank, int? given)
        {
            if (given is { } g && manifest.SampleSizes.GetValueOrDefault(bank) != g)
                differences.Add($"--sample-{bank} 不同（原为 {manifest.SampleSizes.GetValueOrDefault(bank)}）");
        }
        Size("content", options.SampleContent);
        Size("refuse", options.SampleRefuse);
        Size("answer", options.SampleAnswer);
        if (differences.Count > 0)
            throw new EvalException($"输出目录 {options.OutDir} 中已有另一次评估（{string.Join("；", differences)}）。" +
                "继续原评估请使用与原来相同的输入；开始新评估请换一个 --out 目录。");
        return manifest;
    }

    private static BankFile ReadBank(string path, string option)
    {
        try { return BankReader.Read(path); }
        catch (BankFormatException e) { throw new EvalException($"{option}：{e.Message}"); }
    }

    private static string Hash(string path, string option)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvalException($"{option} 文件无法读取：{path}（{e.Message}）");
        }
    }

    private static void WriteResults(string path, EvalResult result) =>
        AtomicFile.Write(path, EvalResultJson.Serialize(result, indented: true));
}
