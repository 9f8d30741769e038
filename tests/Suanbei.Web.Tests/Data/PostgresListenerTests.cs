using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.Notifications;
using Suanbei.Web.Features.Organisations;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;
using Suanbei.Web.Tests.Notifications;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Data;

/// <summary>
/// A node listens on every channel over one connection: each channel's notifications reach its own copy only, and when
/// the connection drops every copy stops trusting itself until the listener has reconnected.
/// </summary>
public sealed class PostgresListenerTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private const string Key = "account-1";

    private UnreadCounts Unread => app.App.Services.GetRequiredService<UnreadCounts>();
    private MembershipCache Memberships => app.App.Services.GetRequiredService<MembershipCache>();
    private FilingListCache FilingLists => app.App.Services.GetRequiredService<FilingListCache>();
    private Task<RegistrySearchIndex> RegistryAsync() => app.WithDb(db => Task.FromResult(RegistrySearchIndex.For(db)));

    private string DatabaseName => new NpgsqlConnectionStringBuilder(app.Options.PostgresConnectionString).Database!;

    private async Task<bool> AllListeningAsync(bool listening) =>
        Unread.Listening == listening && Memberships.Listening == listening && FilingLists.Listening == listening
        && (await RegistryAsync()).Listening == listening;

    /// <summary>Keeps a value of <see cref="Key"/> in each of the three per-key copies.</summary>
    private void KeepInEach()
    {
        Unread.Keep(Key, 3, Unread.Changes);
        Memberships.Keep(Key, [], Memberships.Changes);
        FilingLists.Keep(Key, new Features.Filings.IndexModel.Listing(true, []), FilingLists.Changes);
    }

    private (bool Unread, bool Memberships, bool FilingLists) Kept() =>
        (Unread.TryGet(Key, out _), Memberships.TryGet(Key, out _), FilingLists.TryGet(Key, out _));

    private Task NotifyAsync(string channel, string payload) =>
        app.WithDb(db => db.Database.ExecuteSqlAsync($"SELECT pg_notify({channel}, {payload})"));

    [Fact]
    public async Task A_notification_on_each_channel_reaches_its_own_copy_over_the_nodes_one_connection()
    {
        await Eventually.HoldsAsync(() => AllListeningAsync(true), "the listener's connection");
        var connections = await app.WithDb(db => db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = {PostgresListener.ApplicationName}
            """).SingleAsync());
        Assert.Equal(1, connections);

        // The registry: searches ask nothing while listening, until its channel says the registry changed.
        var counter = new CommandCounter();
        await using var counted = new SuanbeiDbContext(new DbContextOptionsBuilder<SuanbeiDbContext>()
            .UseNpgsql(DatabaseSetup.PooledConnectionString(app.Options.PostgresConnectionString!)).AddInterceptors(counter).Options);
        var index = RegistrySearchIndex.For(counted);
        Assert.Same(await RegistryAsync(), index);
        await index.CurrentAsync(counted);
        var asked = counter.Count;
        await index.CurrentAsync(counted);
        Assert.Equal(asked, counter.Count);
        KeepInEach();
        await NotifyAsync(RegistrySearchIndex.Channel, "");
        await Eventually.HoldsAsync(async () =>
        {
            var before = counter.Count;
            await index.CurrentAsync(counted);
            return counter.Count > before;
        }, "the registry's notification");
        Assert.Equal((true, true, true), Kept()); // the other copies heard nothing

        // Each per-key copy: its channel drops its key, and only its own.
        await NotifyAsync(UnreadCounts.Channel, Key);
        await Eventually.HoldsAsync(() => !Unread.TryGet(Key, out _), "the unread counts' notification");
        Assert.Equal((false, true, true), Kept());
        await NotifyAsync(MembershipCache.Channel, Key);
        await Eventually.HoldsAsync(() => !Memberships.TryGet(Key, out _), "the memberships' notification");
        Assert.Equal((false, false, true), Kept());
        await NotifyAsync(FilingListCache.Channel, Key);
        await Eventually.HoldsAsync(() => !FilingLists.TryGet(Key, out _), "the filing lists' notification");
        Assert.Equal((false, false, false), Kept());
    }

    [Fact]
    public async Task Every_copy_stops_trusting_itself_while_the_connection_is_down_and_trusts_again_once_it_reconnects()
    {
        await Eventually.HoldsAsync(() => AllListeningAsync(true), "the listener's connection");
        KeepInEach();
        Assert.Equal((true, true, true), Kept());
        await using var admin = new NpgsqlConnection(PostgresServer.Instance.AdminConnectionString);
        await admin.OpenAsync();
        async Task AdminAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
        // Cut the listener's connection and keep it from reconnecting (the app's pooled connections stay open).
        await AdminAsync($"""ALTER DATABASE "{DatabaseName}" ALLOW_CONNECTIONS false""");
        try
        {
            await AdminAsync($"""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = '{DatabaseName}' AND application_name = '{PostgresListener.ApplicationName}'
                """);
            await Eventually.HoldsAsync(() => AllListeningAsync(false), "every copy told the connection dropped");
            Assert.Equal((false, false, false), Kept());
            KeepInEach(); // nothing is kept while notifications may be lost
            Assert.Equal((false, false, false), Kept());
        }
        finally { await AdminAsync($"""ALTER DATABASE "{DatabaseName}" ALLOW_CONNECTIONS true"""); }

        await Eventually.HoldsAsync(() => AllListeningAsync(true), "the listener reconnects");
        KeepInEach();
        Assert.Equal((true, true, true), Kept());
    }
}
