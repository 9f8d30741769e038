using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Cli;
using Suanbei.GenAi.Corpus;
using Suanbei.GenAi.Evaluation;
using Suanbei.GenAi.Keywords;

namespace Suanbei.Cli.Commands;

/// <summary>
/// <c>suanbei genai …</c>: the GB/T 45654-2025 security assessment of a generative-AI service — bank checks, the
/// evaluation runner, corpus spot-check samples and the keyword scanner. Exit 0 ok, 1 a finding, 10 usage or I/O.
/// </summary>
internal static class GenAiCommands
{
    public static Command Create()
    {
        var genai = new Command("genai", "生成式人工智能服务安全评估（GB/T 45654-2025）：题库检查、模型评估、语料抽样、关键词扫描");
        genai.Subcommands.Add(Banks());
        genai.Subcommands.Add(Eval());
        genai.Subcommands.Add(GenAiCorpusCommand.Create());
        genai.Subcommands.Add(GenAiKeywordsCommand.Create());
        genai.Subcommands.Add(GenAiReportCommands.Report());
        genai.Subcommands.Add(GenAiReportCommands.Results());
        return genai;
    }

    /// <summary>Only <c>genai corpus</c> and <c>genai keywords</c>: what Program builds for them, so a scan starts without
    /// creating the other commands (which load the web host's and EF Core's types). The same commands as the Native AOT
    /// program that ./suanbei runs for them (src/Suanbei.GenAi.Cli).</summary>
    public static Command CreateScans() => GenAiScanCommands.Create();

    private static Option<string?> BankOption(string name, string description) => new(name) { Description = description };

    private static Command Banks()
    {
        var keywords = BankOption("--keywords", "关键词库文件（.csv/.tsv/.xlsx/.jsonl，列 text、risk、可选 id）");
        var content = BankOption("--content", "生成内容测试题库文件");
        var refuse = BankOption("--refuse", "应拒答测试题库文件");
        var answer = BankOption("--answer", "非拒答测试题库文件");
        var json = CommonOptions.Json();
        var check = new Command("check", "按 GB/T 45654 的配额检查题库：总量、每类风险数量、重复、无效条目")
            { keywords, content, refuse, answer, json };
        check.SetAction(parse =>
        {
            var given = new (BankKind Kind, string? Path)[]
            {
                (BankKind.Keywords, parse.GetValue(keywords)), (BankKind.Content, parse.GetValue(content)),
                (BankKind.Refuse, parse.GetValue(refuse)), (BankKind.Answer, parse.GetValue(answer)),
            }.Where(b => b.Path is not null).ToList();
            if (given.Count == 0)
            {
                Console.Error.WriteLine("请至少指定一个题库：--keywords、--content、--refuse 或 --answer");
                return CommonOptions.UsageOrIoError;
            }
            var reports = new List<BankReport>();
            foreach (var (kind, path) in given)
            {
                try { reports.Add(BankValidator.Validate(kind, BankReader.Read(path!))); }
                catch (BankFormatException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return CommonOptions.UsageOrIoError;
                }
            }
            if (parse.GetValue(json)) WriteBanksJson(reports); else WriteBanksText(reports);
            return reports.All(r => r.Ok) ? 0 : 1;
        });

        var input = new Argument<string>("input") { Description = "题库文件（.csv/.tsv/.xlsx/.jsonl）" };
        var output = new Option<string>("-o", "--output") { Description = "导出文件，格式按扩展名（.csv/.tsv/.xlsx/.jsonl）", Required = true };
        var export = new Command("export", "把题库转换为另一种格式（CSV、TSV、XLSX、JSONL）") { input, output };
        export.SetAction(parse =>
        {
            try
            {
                var bank = BankReader.Read(parse.GetValue(input)!);
                BankWriter.Write(parse.GetValue(output)!, bank.Items);
                Console.Error.WriteLine($"已导出 {bank.Items.Count} 条到 {parse.GetValue(output)}");
                return 0;
            }
            catch (Exception e) when (e is BankFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return CommonOptions.UsageOrIoError;
            }
        });
        return new Command("banks", "题库：检查配额、导出、比较版本") { check, export, GenAiBankDiffCommand.Create() };
    }

    private static void WriteBanksJson(List<BankReport> reports) => CliJson.WriteLine(w =>
    {
        w.WriteBoolean("ok", reports.All(r => r.Ok));
        w.WriteStartArray("banks");
        foreach (var r in reports) BankReportJson.Write(w, r);
        w.WriteEndArray();
    });

    private static void WriteBanksText(List<BankReport> reports)
    {
        foreach (var r in reports)
        {
            Console.WriteLine($"{r.Name}（{r.Kind.Code()}）：有效 {r.Items} 条，最低 {r.Minimum} 条 — {(r.Ok ? "符合" : "不符合")}");
            foreach (var s in r.Shortfalls) Console.WriteLine($"  不足  {s.Risk} {s.Name}：{s.Have} 条，应不少于 {s.Need} 条");
            if (r.Duplicates.Count > 0)
            {
                var sample = string.Join("、", r.Duplicates.Take(10).Select(d => $"第 {d.Row} 行{(d.Exact ? "重复" : "近似重复")}第 {d.OfRow} 行"));
                Console.WriteLine($"  重复  {r.Duplicates.Count} 条（不计入数量）：{sample}{(r.Duplicates.Count > 10 ? "…" : "")}");
            }
            foreach (var i in r.Invalid.Take(20)) Console.WriteLine($"  无效  第 {i.Row} 行：{i.Reason}");
            if (r.Invalid.Count > 20) Console.WriteLine($"  无效  另有 {r.Invalid.Count - 20} 行，用 --json 查看全部");
        }
    }

    private static Command Eval()
    {
        var endpoint = new Option<string>("--endpoint") { Description = "OpenAI 兼容接口的地址，如 http://127.0.0.1:8000/v1", Required = true };
        var model = new Option<string>("--model") { Description = "模型名称（请求中的 model）", Required = true };
        var content = new Option<string>("--content") { Description = "生成内容测试题库", Required = true };
        var refuse = new Option<string>("--refuse") { Description = "应拒答测试题库", Required = true };
        var answer = new Option<string>("--answer") { Description = "非拒答测试题库", Required = true };
        var keywords = new Option<string>("--keywords") { Description = "关键词库（判定生成内容是否合格）", Required = true };
        var output = new Option<string>("--out") { Description = "评估目录：保存样本、每个问答与结果；同一命令再次运行时继续", Required = true };
        var apiKeyEnv = new Option<string?>("--api-key-env") { Description = "存放 API 密钥的环境变量名（密钥不会写入日志或评估目录）" };
        var seed = new Option<int>("--seed") { Description = "抽样随机种子（记录在评估目录中）", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int>("--concurrency") { Description = "同时进行的请求数", DefaultValueFactory = _ => 8 };
        var sampleContent = new Option<int?>("--sample-content") { Description = "生成内容抽样题数（默认按标准）" };
        var sampleRefuse = new Option<int?>("--sample-refuse") { Description = "应拒答抽样题数（默认按标准）" };
        var sampleAnswer = new Option<int?>("--sample-answer") { Description = "非拒答抽样题数（默认按标准）" };
        var system = new Option<string?>("--system") { Description = "系统提示词（可选）" };
        var temperature = new Option<double?>("--temperature") { Description = "采样温度（可选）" };
        var timeout = new Option<double>("--timeout") { Description = "单次请求超时秒数", DefaultValueFactory = _ => 120 };
        var retries = new Option<int>("--retries") { Description = "每题最多重试次数（429、5xx、超时、连接中断）", DefaultValueFactory = _ => 5 };
        var json = CommonOptions.Json();
        var command = new Command("eval", "按标准抽样并评估模型：生成内容合格率、应拒答拒答率、非拒答拒答率（可中断、可继续）")
        {
            endpoint, model, content, refuse, answer, keywords, output, apiKeyEnv, seed, concurrency,
            sampleContent, sampleRefuse, sampleAnswer, system, temperature, timeout, retries, json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            string? apiKey = null;
            if (parse.GetValue(apiKeyEnv) is { } variable)
            {
                apiKey = Environment.GetEnvironmentVariable(variable);
                if (string.IsNullOrEmpty(apiKey))
                {
                    Console.Error.WriteLine($"--api-key-env：环境变量 {variable} 未设置或为空");
                    return CommonOptions.UsageOrIoError;
                }
            }
            if (parse.GetValue(concurrency) < 1) { Console.Error.WriteLine("--concurrency 应为正整数"); return CommonOptions.UsageOrIoError; }
            if (parse.GetValue(retries) < 0) { Console.Error.WriteLine("--retries 不能为负数"); return CommonOptions.UsageOrIoError; }
            foreach (var (option, value) in new[] { ("--sample-content", parse.GetValue(sampleContent)),
                         ("--sample-refuse", parse.GetValue(sampleRefuse)), ("--sample-answer", parse.GetValue(sampleAnswer)) })
                if (value is < 1) { Console.Error.WriteLine($"{option} 应为正整数"); return CommonOptions.UsageOrIoError; }
            if (!Uri.TryCreate(parse.GetValue(endpoint), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                Console.Error.WriteLine($"--endpoint 不是 http(s) 地址：「{parse.GetValue(endpoint)}」");
                return CommonOptions.UsageOrIoError;
            }
            var options = new EvalOptions
            {
                Endpoint = parse.GetValue(endpoint)!, Model = parse.GetValue(model)!,
                ContentBank = parse.GetValue(content)!, RefuseBank = parse.GetValue(refuse)!,
                AnswerBank = parse.GetValue(answer)!, KeywordBank = parse.GetValue(keywords)!,
                OutDir = parse.GetValue(output)!, ApiKey = apiKey, Seed = parse.GetValue(seed),
                Concurrency = parse.GetValue(concurrency), SystemPrompt = parse.GetValue(system),
                Temperature = parse.GetValue(temperature), SampleContent = parse.GetValue(sampleContent),
                SampleRefuse = parse.GetValue(sampleRefuse), SampleAnswer = parse.GetValue(sampleAnswer),
                Client = new ChatClientOptions
                {
                    Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)), MaxAttempts = parse.GetValue(retries) + 1,
                },
            };
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            };
            using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var progress = new ProgressLine();
            var runner = new EvalRunner(options, http) { Progress = Console.IsErrorRedirected ? null : progress.Report };
            EvalResult result;
            try { result = await runner.RunAsync(cancel); }
            catch (EvalException e)
            {
                progress.End();
                Console.Error.WriteLine(e.Message);
                return CommonOptions.UsageOrIoError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                progress.End();
                Console.Error.WriteLine($"评估目录 {options.OutDir} 无法读写：{e.Message}");
                return CommonOptions.UsageOrIoError;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                progress.End();
                Console.Error.WriteLine("已中断。已保存的回答不受影响；再次运行同一命令继续。");
                return CommonOptions.UsageOrIoError;
            }
            progress.End();
            if (parse.GetValue(json)) Console.Out.WriteLine(Encoding.UTF8.GetString(EvalResultJson.Serialize(result, indented: false)));
            else WriteEvalText(result, options.OutDir);
            foreach (var bank in new[] { result.Content, result.Refuse, result.Answer })
                if (bank.SampleBelowStandard)
                    Console.Error.WriteLine($"注意：{bank.Threshold.Name}只抽取了 {bank.Rate.Trials} 题，少于标准要求的 {bank.Threshold.Sample} 题");
            return result.Meets ? 0 : 1;
        });
        return command;
    }

    private static void WriteEvalText(EvalResult result, string outDir)
    {
        foreach (var bank in new[] { result.Content, result.Refuse, result.Answer })
        {
            var t = bank.Threshold;
            var what = bank.Bank == "content" ? "合格率" : "拒答率";
            var limit = t.Direction == ThresholdDirection.AtLeast ? "≥" : "≤";
            Console.WriteLine($"{t.Name}：{bank.Rate.Successes}/{bank.Rate.Trials}，{what} {bank.Rate.Rate:P1}" +
                $"（95% 区间 {bank.Rate.Low:P1}–{bank.Rate.High:P1}），要求 {limit} {t.Threshold:P0} — {(bank.Meets ? "符合" : "不符合")}");
            foreach (var r in bank.ByRisk.Where(r => !r.Meets))
                Console.WriteLine($"    {r.Risk} {r.Name}：{r.Rate.Successes}/{r.Rate.Trials}，{what} {r.Rate.Rate:P1}");
        }
        Console.WriteLine($"请求 {result.Requests} 次，重试 {result.Retries} 次{(result.Resumed ? "，本次为继续运行" : "")}；" +
            $"详细结果：{Path.Combine(outDir, EvalRunner.ResultsFile)}");
    }

    /// <summary>A progress line on a terminal's stderr (count, rate, ETA), redrawn at most five times a second.</summary>
    private sealed class ProgressLine
    {
        private readonly Stopwatch _last = Stopwatch.StartNew();
        private bool _drawn;

        public void Report(int done, int total, int session, TimeSpan elapsed)
        {
            lock (this)
            {
                if (done < total && _last.ElapsedMilliseconds < 200) return;
                _last.Restart();
                var rate = elapsed.TotalSeconds > 0 ? session / elapsed.TotalSeconds : 0;
                var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
                Console.Error.Write($"\r已完成 {done}/{total}（{100.0 * done / total:0}%） · {rate:0.0} 题/秒 · 预计剩余 {eta:hh\\:mm\\:ss}  ");
                _drawn = true;
            }
        }

        public void End()
        {
            lock (this) if (_drawn) { Console.Error.WriteLine(); _drawn = false; }
        }
    }
}
