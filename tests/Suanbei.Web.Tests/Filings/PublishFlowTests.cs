using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Identifiers;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings;

/// <summary>
/// One publish is one way: the filing is loaded once, the decision saved, and the registry fed from the aggregate's
/// event (structured products, no reload). Loads are counted from EF's own diagnostic events on this app's database.
/// </summary>
public abstract class PublishFlowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Publishing_through_the_api_loads_the_filing_once_and_puts_the_entry_into_the_registry()
    {
        var filer = await ApprovedFilerAsync(app, "440305", "深圳一次加载科技有限公司");
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var id = await CompleteFilingViaApiAsync(api, filer, "一次加载算法");
        await ToSecondReviewAsync(app, api, reviewer, id);

        var database = await app.WithDb(db => Task.FromResult(Key(db.Database.GetDbConnection())));
        using var filingLoads = new RootSelects(database, "AlgorithmFilings");
        var published = await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/publish", null));
        var loads = filingLoads.Count;

        Assert.Equal("Publicity", published.GetProperty("status").GetString());
        Assert.Equal(1, loads);
        var number = published.GetProperty("filingNumber").GetString()!;
        var entry = await Ok(await app.Client().GetAsync("/api/v1/registry/entries/" + Uri.EscapeDataString(number)));
        Assert.Equal("一次加载算法", entry.GetProperty("summary").GetProperty("name").GetString());
        Assert.Equal("filed", entry.GetProperty("summary").GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_synchronous_save_refuses_an_aggregate_with_events_and_writes_nothing()
    {
        var filer = await ApprovedFilerAsync(app, "440305", "深圳同步保存科技有限公司");
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var id = await CompleteFilingViaApiAsync(api, filer, "同步保存算法");
        await ToSecondReviewAsync(app, api, reviewer, id);

        var refused = await app.WithDb(async db =>
        {
            var filing = await db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id);
            filing.Publish(new Actor("rev-sync", "审核员", ActorRole.Reviewer), DateTimeOffset.UtcNow,
                FilingNumber.Compose("440305", "7654321", AlgorithmTypes.NumberTypeCode(filing.Type!.Value), 2026, 9),
                WorkingCalendar.Official);
            return Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        });

        Assert.Contains("SaveChangesAsync", refused.Message);
        var status = await app.WithDb(db => db.Set<AlgorithmFiling>().Where(f => f.Id == id).Select(f => f.Status).SingleAsync());
        Assert.Equal(FilingStatus.SecondReview, status);
    }

    private static string Key(DbConnection c) => c.DataSource + "|" + c.Database;

    /// <summary>Counts SELECT commands on one database whose outermost FROM is the given table (split-query child
    /// queries select from a subquery and are not loads of their own).</summary>
    private sealed class RootSelects : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _database;
        private readonly string _from;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public RootSelects(string database, string table)
        {
            _database = database;
            _from = $"FROM \"{table}\"";
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData data) return;
            if (Key(data.Command.Connection!) != _database) return;
            if (IsRootSelect(data.Command.CommandText)) Interlocked.Increment(ref _count);
        }

        private bool IsRootSelect(string sql)
        {
            var text = sql.TrimStart();
            if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) return false;
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '(') depth++;
                else if (text[i] == ')') depth--;
                else if (depth == 0 && string.CompareOrdinal(text, i, "FROM ", 0, 5) == 0)
                    return string.CompareOrdinal(text, i, _from, 0, _from.Length) == 0;
            }
            return false;
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }
}

public sealed class PublishFlowTestsSqlite(SqliteApp app) : PublishFlowTests<SqliteApp>(app);
public sealed class PublishFlowTestsPostgres(PostgresApp app) : PublishFlowTests<PostgresApp>(app);
