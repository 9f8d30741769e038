using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Filings;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Tests.Notifications;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Filings;

/// <summary>
/// The 算法备案 list: on PostgreSQL each node keeps an organisation's list while it listens for the changes that the
/// database's triggers announce in the changing transaction (so opening the list asks nothing of it), and drops it at
/// once after its own saves; on SQLite it is read on every request.
/// </summary>
public abstract class FilingListCacheTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    protected abstract bool KeepsLists { get; }

    [Fact]
    public async Task A_filing_renamed_unannounced_keeps_its_old_name_on_a_listening_node_until_the_announcement()
    {
        var (filer, pages, id) = await FilerWithFilingAsync(app, "改名之前算法");
        var cache = app.App.Services.GetRequiredService<FilingListCache>();
        await Eventually.HoldsAsync(() => cache.Listening == KeepsLists, "the listener's connection");
        if (KeepsLists) await KeptAsync(cache, filer.User.Id, pages);
        Assert.Contains("改名之前算法", await pages.GetStringAsync("/filings"));

        // Renamed behind the app's back with the triggers off: a listening node still shows its copy.
        Task Rename(string name) => app.WithDb(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica");
            await db.Database.ExecuteSqlAsync($"""UPDATE "AlgorithmFilings" SET "Name" = {name} WHERE "Id" = {id}""");
            await tx.CommitAsync();
            return 0;
        });
        var page = await UnannouncedChange.ReadAfterAsync(cache,
            keep: () => KeepsLists ? KeptAsync(cache, filer.User.Id, pages) : Task.CompletedTask,
            change: () => Rename("背后改名算法"), undo: () => Rename("改名之前算法"), read: () => pages.GetStringAsync("/filings"));
        Assert.Contains(KeepsLists ? "改名之前算法" : "背后改名算法", page);
        if (!KeepsLists) return;

        // The announcement (here by hand, as the triggers do) drops the copy.
        await app.WithDb(db => db.Database.ExecuteSqlAsync($"SELECT pg_notify({FilingListCache.Channel}, {filer.User.Id})"));
        await Eventually.HoldsAsync(() => !cache.TryGet(filer.User.Id, out _), "the announcement");
        Assert.Contains("背后改名算法", await pages.GetStringAsync("/filings"));
    }

    [Fact]
    public async Task The_apps_own_save_shows_on_the_next_list_at_once_even_unannounced_and_after_its_transaction_commits()
    {
        var (filer, pages, id) = await FilerWithFilingAsync(app, "本节点改名前算法");
        var cache = app.App.Services.GetRequiredService<FilingListCache>();
        await Eventually.HoldsAsync(() => cache.Listening == KeepsLists, "the listener's connection");
        if (KeepsLists) await KeptAsync(cache, filer.User.Id, pages);

        // Triggers off in the saving transaction: only the node's own interceptor can drop its copy.
        await app.WithDb(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica");
            var filing = await db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id);
            db.Entry(filing).Property(f => f.Name).CurrentValue = "本节点改名后算法";
            await db.SaveChangesAsync();
            // Read while the transaction is open (PostgreSQL does not block the reader): the committed name, kept again.
            if (db.Database.IsNpgsql()) Assert.Contains("本节点改名前算法", await pages.GetStringAsync("/filings"));
            await tx.CommitAsync();
            return 0;
        });
        Assert.Contains("本节点改名后算法", await pages.GetStringAsync("/filings"));
    }

    /// <summary>Requests the list until the node keeps it (the announcement of the filing's own save may come after).</summary>
    internal static Task KeptAsync(FilingListCache cache, string organisationId, HttpClient pages) => Eventually.HoldsAsync(async () =>
    {
        await pages.GetStringAsync("/filings");
        return cache.TryGet(organisationId, out _);
    }, "the node keeps the organisation's list");

    /// <summary>An approved filer (its personal organisation has the account's id) signed in, with one filing named so.</summary>
    internal static async Task<(FilingFixtures.Filer Filer, HttpClient Pages, Guid FilingId)> FilerWithFilingAsync(TestApp app,
        string name)
    {
        var filer = await FilingFixtures.ApprovedFilerAsync(app);
        var pages = await app.SignInAsync(filer.User.Email!);
        var id = await CreateFilingAsync(await app.ApiClientAsync(filer.User), filer, name);
        return (filer, pages, id);
    }

    internal static async Task<Guid> CreateFilingAsync(HttpClient api, FilingFixtures.Filer filer, string name)
    {
        var created = await api.PostAsync("/api/v1/filings", null);
        await FilingFixtures.Ok(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(FilingFixtures.Json)).GetProperty("id").GetGuid();
        await FilingFixtures.Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/basic", FilingFixtures.Basic(filer, name),
            FilingFixtures.Json));
        return id;
    }
}

public sealed class FilingListCacheTestsSqlite(SqliteApp app) : FilingListCacheTests<SqliteApp>(app)
{
    protected override bool KeepsLists => false;
}

public sealed class FilingListCacheTestsPostgres(PostgresApp app) : FilingListCacheTests<PostgresApp>(app)
{
    protected override bool KeepsLists => true;
}

/// <summary>
/// Two app nodes on one PostgreSQL database: node b serves a filer's list from its copy; a filing created and renamed
/// through node a, and the subject's approval withdrawn behind both nodes' backs, show on node b's next list once the
/// commit's notification has reached it.
/// </summary>
public sealed class FilingListAcrossNodesTests
{
    [Fact]
    public async Task A_filing_created_and_renamed_on_one_node_shows_on_the_others_list()
    {
        await using var nodes = await TwoNodes.StartAsync("filinglists");
        var (a, b) = (nodes.A, nodes.B);
        var bCache = b.App.Services.GetRequiredService<FilingListCache>();
        await Eventually.HoldsAsync(() => bCache.Listening, "node b's listener");
        var (filer, bPages, first) = await FilingListCacheTests<PostgresApp>.FilerWithFilingAsync(b, "第一个节点算法");
        await FilingListCacheTests<PostgresApp>.KeptAsync(bCache, filer.User.Id, bPages);

        var aApi = await a.ApiClientAsync(filer.User);
        await FilingListCacheTests<PostgresApp>.CreateFilingAsync(aApi, filer, "另一节点新建算法");
        await Eventually.HoldsAsync(async () => (await bPages.GetStringAsync("/filings")).Contains("另一节点新建算法"),
            "node b lists the filing created on node a");
        await FilingFixtures.Ok(await aApi.PutAsJsonAsync($"/api/v1/filings/{first}/basic",
            FilingFixtures.Basic(filer, "另一节点改名算法"), FilingFixtures.Json));
        await Eventually.HoldsAsync(async () => (await bPages.GetStringAsync("/filings")).Contains("另一节点改名算法"),
            "node b lists the rename made on node a");

        // The subject changed by another writer (the trigger on the subjects table announces it too).
        await FilingListCacheTests<PostgresApp>.KeptAsync(bCache, filer.User.Id, bPages);
        await a.WithDb(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "Subjects" SET "ApprovedAt" = NULL WHERE "Id" = {filer.SubjectId}"""));
        await Eventually.HoldsAsync(async () => (await bPages.GetStringAsync("/filings")).Contains("subject-not-approved"),
            "node b hears of the subject's change");
    }
}
