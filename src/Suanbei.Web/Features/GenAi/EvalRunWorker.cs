using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Evaluation;
using Suanbei.GenAi.Keywords;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// Runs the evaluations started from the web, on the leading node only, at most
/// <see cref="SuanbeiHostOptions.MaxConcurrentEvalRuns"/> at once: each second it fills its free slots, first with runs
/// left 运行中 by a stopped or crashed process, then with 排队中 ones (new or resumed) in creation order, and runs
/// <see cref="EvalRunner"/> in the run's folder, which resumes from its journal. While a run goes, its progress is
/// written to its row every <see cref="FlushInterval"/>; a row no longer 运行中 (stopped from any node) cancels it.
/// Requests and retries add up over sessions; the rate is the session's (see <see cref="EvalRun.Rate"/>).
/// A finished run's answers are imported as a review run in the same transaction that marks it 已完成.
/// </summary>
public sealed class EvalRunWorker(IServiceScopeFactory scopes, ILeadership leadership, OperationsMetrics metrics,
    ILogger<EvalRunWorker> log, SuanbeiHostOptions options, IDataProtectionProvider protection, TimeProvider clock,
    OutboundAddressGuard guard)
    : LeaderOnlyBackgroundService(scopes, leadership, metrics, log)
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, ActiveRun> _active = new();
    private CancellationToken _stopping;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);
    protected override string JobName => "genai_eval_runs";

    /// <summary>
    /// The one place the runner's HTTP client is made: every request to a customer's endpoint goes through the outbound
    /// address guard's handler (no internal addresses unless allowed, no proxy, no redirects). Timeouts are the
    /// runner's own, per attempt.
    /// </summary>
    private HttpClient CreateHttpClient()
    {
        var handler = guard.CreateHandler();
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
        handler.ConnectTimeout = TimeSpan.FromSeconds(30);
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Runs this node is running now.</summary>
    public bool IsActive(Guid id) => _active.ContainsKey(id);

    /// <summary>Cancels a run this node is running (its row was already marked 已停止); other nodes see the row.</summary>
    public void Cancel(Guid id)
    {
        if (_active.TryGetValue(id, out var run)) run.Cancel.Cancel();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        await Task.Yield(); // let the host finish starting
        try
        {
            using var timer = new PeriodicTimer(Interval);
            do
            {
                // A node that lost the lead stops its runs; the new leader takes them up from their journals.
                if (!await TickAsync(stoppingToken) && !Leadership.IsLeader) CancelAll();
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            CancelAll();
            await Task.WhenAll(_active.Values.Select(a => a.Task ?? Task.CompletedTask));
        }
    }

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<SuanbeiDbContext>();
        var waiting = await db.Set<EvalRun>().AsNoTracking()
            .Where(r => r.Status == EvalRunStatus.Running || r.Status == EvalRunStatus.Queued)
            .Select(r => new { r.Id, r.Status, r.CreatedAt }).ToListAsync(ct);
        var free = options.MaxConcurrentEvalRuns - _active.Count;
        // Runs already started (left by another process) go before the queue, which goes in creation order.
        foreach (var r in waiting.Where(r => !IsActive(r.Id)).OrderBy(r => r.Status == EvalRunStatus.Running ? 0 : 1)
                     .ThenBy(r => r.CreatedAt))
        {
            var rows = db.Set<EvalRun>().Where(x => x.Id == r.Id && x.Status == r.Status);
            var now = clock.GetUtcNow();
            if (free <= 0)
            {
                // More left running than slots (e.g. the cap was lowered): they wait like the others.
                if (r.Status == EvalRunStatus.Running)
                    await rows.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, EvalRunStatus.Queued), ct);
                continue;
            }
            if (r.Status == EvalRunStatus.Queued && await rows.ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, EvalRunStatus.Running).SetProperty(x => x.UpdatedAt, now), ct) != 1)
                continue; // stopped meanwhile
            Start(r.Id);
            free--;
        }
    }

    private void Start(Guid id)
    {
        var run = new ActiveRun(CancellationTokenSource.CreateLinkedTokenSource(_stopping));
        if (!_active.TryAdd(id, run))
        {
            run.Cancel.Dispose();
            return;
        }
        run.Task = Task.Run(async () =>
        {
            try { await RunAsync(id, run.Cancel.Token); }
            catch (Exception e) { Log.LogError(e, "Evaluation run {Run} ended unexpectedly", id); }
            finally
            {
                _active.TryRemove(id, out _);
                run.Cancel.Dispose();
            }
        });
    }

    private void CancelAll()
    {
        foreach (var run in _active.Values) run.Cancel.Cancel();
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        EvalRun? run;
        await using (var scope = Scopes.CreateAsyncScope())
            run = await scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>().Set<EvalRun>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == id && r.Status == EvalRunStatus.Running, ct);
        if (run is null) return;
        var folder = EvalRuns.FolderOf(options, id);
        var eval = new EvalOptions
        {
            Endpoint = run.Endpoint, Model = run.Model, SystemPrompt = run.SystemPrompt, Temperature = run.Temperature,
            Seed = run.Seed, Concurrency = run.Concurrency, SampleContent = run.SampleContent, SampleRefuse = run.SampleRefuse,
            SampleAnswer = run.SampleAnswer, OutDir = Path.Combine(folder, "out"),
            ContentBank = EvalRuns.BankFile(folder, BankKind.Content), RefuseBank = EvalRuns.BankFile(folder, BankKind.Refuse),
            AnswerBank = EvalRuns.BankFile(folder, BankKind.Answer), KeywordBank = EvalRuns.BankFile(folder, BankKind.Keywords),
        };
        EvalProgress? latest = null;
        using var http = CreateHttpClient();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var monitorStop = new CancellationTokenSource();
        var monitor = MonitorAsync(run, () => latest, stop, monitorStop.Token);
        try
        {
            var runner = new EvalRunner(eval with { ApiKey = ApiKey(run) }, http) { Report = p => latest = p };
            await runner.RunAsync(stop.Token);
            await monitorStop.CancelAsync();
            await monitor;
            await FinishAsync(run, eval, latest);
            return;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by an editor (the row says so), or this node is stopping or lost the lead (the row stays 运行中
            // and the next leader resumes it).
        }
        catch (EvalException e)
        {
            await FailAsync(id, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(e, "Evaluation run {Run} could not use its folder", id);
            await FailAsync(id, $"评估文件夹无法读写：{e.Message}");
        }
        await monitorStop.CancelAsync();
        await monitor;
        await FlushAsync(run, latest, onlyWhileRunning: false, CancellationToken.None);
    }

    /// <summary>The key in clear, only in memory and only for the runner's Authorization header.</summary>
    private string? ApiKey(EvalRun run)
    {
        if (run.ApiKeyProtected is { } protectedKey)
        {
            try { return protection.CreateProtector(EvalRuns.ApiKeyPurpose).Unprotect(protectedKey); }
            catch (CryptographicException)
            {
                throw new EvalException("保存的 API 密钥无法解密（服务器的数据保护密钥已更换），请重新发起评估并再次填写密钥。");
            }
        }
        if (run.ApiKeyEnv is { } name)
            return Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
                : throw new EvalException($"服务器上没有设置环境变量 {name}，无法取得 API 密钥；设置后点“继续”。");
        return null;
    }

    private async Task MonitorAsync(EvalRun run, Func<EvalProgress?> progress, CancellationTokenSource stop, CancellationToken ct)
    {
        try
        {
            using var timer = new PeriodicTimer(FlushInterval);
            while (await timer.WaitForNextTickAsync(ct))
                if (!await FlushAsync(run, progress(), onlyWhileRunning: true, ct))
                {
                    await stop.CancelAsync();
                    return;
                }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LogWarning(e, "Writing the progress of evaluation run {Run} failed", run.Id);
        }
    }

    /// <summary>Writes the progress of the session that began at <paramref name="session"/> (the row as it was read then);
    /// false when the row is not 运行中 any more (with <paramref name="onlyWhileRunning"/>).</summary>
    private async Task<bool> FlushAsync(EvalRun session, EvalProgress? p, bool onlyWhileRunning, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        var rows = db.Set<EvalRun>().Where(r => r.Id == session.Id);
        if (onlyWhileRunning) rows = rows.Where(r => r.Status == EvalRunStatus.Running);
        var now = clock.GetUtcNow();
        if (p is null) return await rows.ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, now), ct) == 1;
        var (requests, retries) = (session.Requests + p.Requests, session.Retries + p.Retries);
        var rate = p.Session > 0 ? p.Rate : session.Rate;
        return await rows.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Done, p.Done).SetProperty(r => r.Total, p.Total).SetProperty(r => r.Requests, requests)
            .SetProperty(r => r.Retries, retries).SetProperty(r => r.Errors, p.Errors).SetProperty(r => r.Rate, rate)
            .SetProperty(r => r.UpdatedAt, now), ct) == 1;
    }

    private async Task FailAsync(Guid id, string message)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        var error = message.Length > 2000 ? message[..2000] : message;
        var now = clock.GetUtcNow();
        await db.Set<EvalRun>().Where(r => r.Id == id && r.Status == EvalRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, EvalRunStatus.Failed).SetProperty(r => r.Error, error)
                .SetProperty(r => r.UpdatedAt, now), CancellationToken.None);
    }

    /// <summary>Imports the answers as a review run and marks the run 已完成, in one transaction, so a crash between
    /// the two never imports it twice.</summary>
    private async Task FinishAsync(EvalRun run, EvalOptions eval, EvalProgress? progress)
    {
        await FlushAsync(run, progress, onlyWhileRunning: false, CancellationToken.None);
        var keywordBytes = await File.ReadAllBytesAsync(eval.KeywordBank);
        var keywords = KeywordLibrary.FromBank(BankReader.Read(eval.KeywordBank));
        var manifest = await File.ReadAllBytesAsync(Path.Combine(eval.OutDir, EvalRunner.ManifestFile));
        var journal = await File.ReadAllBytesAsync(Path.Combine(eval.OutDir, EvalRunner.JournalFile));
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var row = await db.Set<EvalRun>().FirstOrDefaultAsync(r => r.Id == run.Id && r.Status == EvalRunStatus.Running);
        if (row is null) return; // stopped just as it finished: 继续 finds every answer stored and finishes it then
        var (review, _, errors) = await ReviewImport.ImportAsync(db, run.OwnerId, manifest, journal, keywords, keywordBytes,
            clock.GetUtcNow(), CancellationToken.None);
        if (review is null)
        {
            await tx.RollbackAsync();
            await FailAsync(run.Id, "评估已完成，但导入人工复核失败：" + string.Join("；", errors.Values));
            return;
        }
        row.Finish(review.Id, clock.GetUtcNow());
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    private sealed class ActiveRun(CancellationTokenSource cancel)
    {
        public CancellationTokenSource Cancel { get; } = cancel;
        public Task? Task { get; set; }
    }
}
