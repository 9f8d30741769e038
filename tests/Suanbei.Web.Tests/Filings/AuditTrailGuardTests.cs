using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Tests.GenAiFilings;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings;

/// <summary>
/// One guard keeps the history of both filing kinds append-only: a save that would rewrite or delete an audit entry
/// is refused and the stored row stays as it was.
/// </summary>
public abstract class AuditTrailGuardTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Rewriting_or_deleting_an_algorithm_filings_audit_entry_is_refused()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer);
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));

        await AssertRefusedAsync(db => db.Set<AlgorithmFiling>().Include(f => f.AuditTrail).SingleAsync(f => f.Id == id),
            f => f.AuditTrail.Single());
    }

    [Fact]
    public async Task Rewriting_or_deleting_a_generative_ai_filings_audit_entry_is_refused()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await GenAiFilingApiTests<TApp>.CompleteDraftAsync(api, filer, "Own");
        await Ok(await api.PostAsync($"/api/v1/genai-filings/{id}/submit", null));

        await AssertRefusedAsync(db => db.Set<GenerativeAiFiling>().Include(f => f.AuditTrail).SingleAsync(f => f.Id == id),
            f => f.AuditTrail.Single());
    }

    private async Task AssertRefusedAsync<TFiling, TAction, TStatus>(
        Func<DbContext, Task<TFiling>> load, Func<TFiling, AuditEntry<TAction, TStatus>> entryOf)
        where TAction : struct, Enum
        where TStatus : struct, Enum
    {
        var original = await app.WithDb(async db => entryOf(await load(db)).Reason);

        await app.WithDb(async db =>
        {
            var entry = entryOf(await load(db));
            db.Entry(entry).Property(e => e.Reason).CurrentValue = "改写的历史";
            await Assert.ThrowsAsync<InvalidOperationException>(() => AuditTrailGuard.SaveAsync(db));
            return 0;
        });
        await app.WithDb(async db =>
        {
            db.Remove(entryOf(await load(db)));
            await Assert.ThrowsAsync<InvalidOperationException>(() => AuditTrailGuard.SaveAsync(db));
            return 0;
        });

        Assert.Equal(original, await app.WithDb(async db => entryOf(await load(db)).Reason));
    }
}

public sealed class AuditTrailGuardTestsSqlite(SqliteApp app) : AuditTrailGuardTests<SqliteApp>(app);
public sealed class AuditTrailGuardTestsPostgres(PostgresApp app) : AuditTrailGuardTests<PostgresApp>(app);
