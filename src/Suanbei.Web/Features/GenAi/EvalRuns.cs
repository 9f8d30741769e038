using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// Evaluations started from the web, for the pages and the API alike: validating a new one, creating it (the bank
/// versions written to its folder, the key encrypted), stopping and resuming it, and its progress as JSON.
/// </summary>
public static partial class EvalRuns
{
    /// <summary>The Data Protection purpose of the stored API keys.</summary>
    public const string ApiKeyPurpose = "Suanbei.GenAi.EvalRun.ApiKey";
    public const int MaxConcurrency = 64;
    public const int MaxSample = 100_000;
    public const int MaxApiKeyLength = 1000;

    /// <summary>The four banks a run asks from, in the form's order: (input field, kind).</summary>
    public static readonly (string Field, BankKind Kind)[] Banks =
    [
        (nameof(EvalRunInput.ContentBank), BankKind.Content), (nameof(EvalRunInput.RefuseBank), BankKind.Refuse),
        (nameof(EvalRunInput.AnswerBank), BankKind.Answer), (nameof(EvalRunInput.KeywordBank), BankKind.Keywords),
    ];

    /// <summary>The run's folder: under the materials storage, named by the run's id only (no user input).</summary>
    public static string FolderOf(SuanbeiHostOptions options, Guid id) =>
        Path.Combine(options.MaterialsDirectory, "genai-runs", id.ToString("N"));

    /// <summary>The bank file of <paramref name="kind"/> in a run's folder.</summary>
    public static string BankFile(string folder, BankKind kind) => Path.Combine(folder, "banks", kind.Code() + ".jsonl");

    /// <summary>The default sample size of a bank (assessment.json).</summary>
    public static int DefaultSample(string bank) => AssessmentRules.Default.Assessment(bank).Sample!.Value;

    /// <summary>
    /// Checks the input; the errors are keyed by the <see cref="EvalRunInput"/> property and name the field in Chinese.
    /// Bank ids are checked for form here and for ownership by <see cref="CreateAsync"/>.
    /// </summary>
    public static (EvalRunSettings? Settings, Dictionary<string, string> Errors) Validate(EvalRunInput input, OutboundAddressGuard guard)
    {
        var errors = new Dictionary<string, string>();
        var endpoint = input.Endpoint?.Trim() ?? "";
        if (endpoint.Length == 0) errors[nameof(input.Endpoint)] = "请填写接口地址（OpenAI 兼容接口的基础网址）";
        else if (endpoint.Length > EvalRun.MaxEndpointLength)
            errors[nameof(input.Endpoint)] = $"接口地址不能超过 {EvalRun.MaxEndpointLength} 个字符";
        else if (guard.CheckUrl(endpoint, "接口地址").Error is { } refused) errors[nameof(input.Endpoint)] = refused;
        var model = input.Model?.Trim() ?? "";
        if (model.Length == 0) errors[nameof(input.Model)] = "请填写模型名称";
        else if (model.Length > EvalRun.MaxModelLength) errors[nameof(input.Model)] = $"模型名称不能超过 {EvalRun.MaxModelLength} 个字符";
        var system = string.IsNullOrWhiteSpace(input.SystemPrompt) ? null : input.SystemPrompt.Trim();
        if (system is { Length: > EvalRun.MaxSystemPromptLength })
            errors[nameof(input.SystemPrompt)] = $"系统提示词不能超过 {EvalRun.MaxSystemPromptLength} 个字符";
        double? temperature = null;
        if (!string.IsNullOrWhiteSpace(input.Temperature))
        {
            var text = input.Temperature.Trim();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is >= 0 and <= 2) temperature = t;
            else errors[nameof(input.Temperature)] = "温度应为 0 到 2 之间的数（留空则用接口的默认值）";
        }
        int Number(string field, string? text, string label, int fallback, int min, int max)
        {
            if (string.IsNullOrWhiteSpace(text)) return fallback;
            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            errors[field] = $"{label}应为 {min} 到 {max} 之间的整数";
            return fallback;
        }
        var concurrency = Number(nameof(input.Concurrency), input.Concurrency, "并发数", 8, 1, MaxConcurrency);
        var seed = Number(nameof(input.Seed), input.Seed, "随机种子", 1, int.MinValue, int.MaxValue);
        var content = Number(nameof(input.SampleContent), input.SampleContent, "生成内容题抽样数", DefaultSample("content"), 1, MaxSample);
        var refuse = Number(nameof(input.SampleRefuse), input.SampleRefuse, "应拒答题抽样数", DefaultSample("refuse"), 1, MaxSample);
        var answer = Number(nameof(input.SampleAnswer), input.SampleAnswer, "非拒答题抽样数", DefaultSample("answer"), 1, MaxSample);
        var banks = new Dictionary<BankKind, Guid>();
        foreach (var (field, kind) in Banks)
        {
            var text = typeof(EvalRunInput).GetProperty(field)!.GetValue(input) as string;
            if (Guid.TryParse(text, out var id)) banks[kind] = id;
            else errors[field] = $"请选择{AssessmentRules.Default.Bank(kind).Name}的一个版本";
        }
        var key = string.IsNullOrEmpty(input.ApiKey) ? null : input.ApiKey.Trim();
        var env = string.IsNullOrWhiteSpace(input.ApiKeyEnv) ? null : input.ApiKeyEnv.Trim();
        if (key is not null && env is not null)
            errors[nameof(input.ApiKeyEnv)] = "API 密钥与环境变量名只填一项：填写了密钥就不要再填环境变量名";
        else if (key is { Length: > MaxApiKeyLength }) errors[nameof(input.ApiKey)] = $"API 密钥不能超过 {MaxApiKeyLength} 个字符";
        else if (key is not null && key.Any(char.IsControl)) errors[nameof(input.ApiKey)] = "API 密钥含有控制字符";
        else if (env is not null && (env.Length > EvalRun.MaxEnvNameLength || !EnvName().IsMatch(env)))
            errors[nameof(input.ApiKeyEnv)] = "环境变量名只能由字母、数字和下划线组成，且不以数字开头";
        if (errors.Count > 0) return (null, errors);
        return (new EvalRunSettings(endpoint, model, system, temperature, concurrency, seed, content, refuse, answer,
            banks[BankKind.Content], banks[BankKind.Refuse], banks[BankKind.Answer], banks[BankKind.Keywords], env), errors);
    }

    /// <summary>
    /// Creates the run: the chosen bank versions (the organisation's, of the right kind) are written to its folder as
    /// they are now, the key is encrypted. Errors as <see cref="Validate"/>'s; nothing is kept then.
    /// </summary>
    public static async Task<(EvalRun? Run, Dictionary<string, string> Errors)> CreateAsync(SuanbeiDbContext db,
        IDataProtectionProvider protection, OutboundAddressGuard guard, SuanbeiHostOptions options, string ownerId, string startedBy,
        EvalRunInput input, DateTimeOffset now, CancellationToken ct)
    {
        var (settings, errors) = Validate(input, guard);
        if (settings is null) return (null, errors);
        var ids = new Dictionary<BankKind, Guid>
        {
            [BankKind.Content] = settings.ContentBankId, [BankKind.Refuse] = settings.RefuseBankId,
            [BankKind.Answer] = settings.AnswerBankId, [BankKind.Keywords] = settings.KeywordBankId,
        };
        var wanted = ids.Values.ToList();
        var checks = await db.Set<BankCheck>().AsNoTracking().Where(c => c.OwnerId == ownerId && wanted.Contains(c.Id))
            .ToListAsync(ct);
        var items = new Dictionary<BankKind, List<BankItem>>();
        foreach (var (field, kind) in Banks)
        {
            var check = checks.FirstOrDefault(c => c.Id == ids[kind] && c.Kind == kind.Code());
            var list = check?.ItemsJson is { } json ? JsonSerializer.Deserialize<List<BankItem>>(json, BanksModel.Json) : null;
            if (list is null || list.Count == 0)
                errors[field] = $"所选{AssessmentRules.Default.Bank(kind).Name}版本不存在、不属于本机构，或没有保存题目（请重新上传该题库）";
            else items[kind] = list;
        }
        if (errors.Count > 0) return (null, errors);

        var run = new EvalRun(ownerId, startedBy, now, settings);
        if (input.ApiKey is { Length: > 0 } key) run.ProtectApiKey(protection.CreateProtector(ApiKeyPurpose).Protect(key.Trim()));
        var folder = FolderOf(options, run.Id);
        // Written once, as the versions are now: a resumed run hashes the same files, so the runner continues it.
        foreach (var (kind, list) in items)
        {
            var path = BankFile(folder, kind);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            BankWriter.Write(path, list.Select(i => i with { Id = i.Key }));
        }
        db.Add(run);
        await db.SaveChangesAsync(ct);
        return (run, errors);
    }

    /// <summary>Asks a running or queued run to stop; true when it was one. The worker sees it within its next flush.</summary>
    public static async Task<bool> StopAsync(SuanbeiDbContext db, Guid id, string ownerId, DateTimeOffset now, CancellationToken ct) =>
        await db.Set<EvalRun>()
            .Where(r => r.Id == id && r.OwnerId == ownerId && (r.Status == EvalRunStatus.Running || r.Status == EvalRunStatus.Queued))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, EvalRunStatus.Stopped).SetProperty(r => r.UpdatedAt, now), ct) == 1;

    /// <summary>Resumes a stopped or failed run: it queues for a slot of the worker, and the runner then asks only the
    /// unanswered questions. Its creation time keeps its place in the queue.</summary>
    public static async Task<bool> ResumeAsync(SuanbeiDbContext db, Guid id, string ownerId, DateTimeOffset now, CancellationToken ct) =>
        await db.Set<EvalRun>()
            .Where(r => r.Id == id && r.OwnerId == ownerId && (r.Status == EvalRunStatus.Stopped || r.Status == EvalRunStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, EvalRunStatus.Queued).SetProperty(r => r.Error, (string?)null)
                .SetProperty(r => r.UpdatedAt, now), ct) == 1;

    /// <summary>The run's progress as the page's script and the API read it.</summary>
    public static void WriteProgress(Utf8JsonWriter w, EvalRun run)
    {
        w.WriteStartObject();
        w.WriteString("id", run.Id);
        w.WriteString("status", run.Status.ToString().ToLowerInvariant());
        w.WriteString("statusName", DisplayNames.Of(run.Status));
        w.WriteString("model", run.Model);
        w.WriteString("endpoint", run.Endpoint);
        w.WriteNumber("answered", run.Done);
        w.WriteNumber("total", run.Total);
        w.WriteString("totalText", TotalText(run));
        w.WriteNumber("requests", run.Requests);
        w.WriteNumber("retries", run.Retries);
        w.WriteNumber("errors", run.Errors);
        w.WriteNumber("rate", Math.Round(run.Rate, 2));
        if (run.EtaSeconds is { } eta) w.WriteNumber("etaSeconds", Math.Round(eta)); else w.WriteNull("etaSeconds");
        w.WriteString("etaText", Duration(run.EtaSeconds));
        w.WriteString("createdAt", run.CreatedAt);
        w.WriteString("updatedAt", run.UpdatedAt);
        w.WriteString("updatedText", ChinaTime.Display(run.UpdatedAt));
        if (run.Error is { } error) w.WriteString("error", error); else w.WriteNull("error");
        if (run.ReviewRunId is { } review) w.WriteString("review", $"/genai/review/{review}"); else w.WriteNull("review");
        w.WriteEndObject();
    }

    /// <summary>The number of questions, or "—" before the runner first opened the run (a queued new run).</summary>
    public static string TotalText(EvalRun run) => run.Total > 0 ? run.Total.ToString(CultureInfo.InvariantCulture) : "—";

    /// <summary>"约 3 分 20 秒" for an ETA in seconds; "—" when there is none.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } s) return "—";
        var t = TimeSpan.FromSeconds(Math.Max(0, Math.Round(s)));
        return t.TotalHours >= 1 ? $"约 {(int)t.TotalHours} 小时 {t.Minutes} 分"
            : t.TotalMinutes >= 1 ? $"约 {t.Minutes} 分 {t.Seconds} 秒" : $"约 {t.Seconds} 秒";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();
}
