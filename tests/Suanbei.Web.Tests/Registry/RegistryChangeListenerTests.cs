using Microsoft.EntityFrameworkCore;
using Npgsql;
using Suanbei.Registry;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Registry;

/// <summary>
/// PostgreSQL change notifications keep a node's search index current without a version read per search: while
/// listening, a search trusts the version it read until a bump is notified; without a listener, every search reads it.
/// </summary>
public sealed class RegistryChangeListenerTests(PostgresRegistryDb fixture) : IClassFixture<PostgresRegistryDb>
{
    private SuanbeiDbContext Counted(CommandCounter counter) => new(new DbContextOptionsBuilder<SuanbeiDbContext>()
        .UseNpgsql(DatabaseSetup.PooledConnectionString(fixture.Options.PostgresConnectionString!)).AddInterceptors(counter).Options);

    private string Unpooled() =>
        new NpgsqlConnectionStringBuilder(fixture.Options.PostgresConnectionString!) { Pooling = false }.ConnectionString;

    /// <summary>Moves the version as an older writer would: no notification.</summary>
    private async Task MoveVersionSilentlyAsync()
    {
        await using var db = fixture.NewContext();
        await db.Set<RegistryMeta>().ExecuteUpdateAsync(u => u.SetProperty(m => m.Version, m => m.Version + 1));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        // A notification arrives within milliseconds; the bound only keeps a broken build from hanging the suite.
        for (var i = 0; i < 200 && !await condition(); i++) await Task.Delay(50);
        Assert.True(await condition());
    }

    [Fact]
    public async Task While_listening_a_search_asks_nothing_until_a_change_is_notified()
    {
        var counter = new CommandCounter();
        await using var db = Counted(counter);
        var index = new RegistrySearchIndex();
        using var stop = new CancellationTokenSource();
        var listening = PostgresListener.ListenAsync(Unpooled(),
            [new PostgresChannel(RegistrySearchIndex.Channel, _ => index.Changed(), index.SetListening)], stop.Token);
        await Eventually(() => Task.FromResult(index.Listening));

        var first = await index.CurrentAsync(db);
        var asked = counter.Count;
        Assert.Same(first, await index.CurrentAsync(db));
        Assert.Equal(asked, counter.Count); // no version read

        // A change nobody announced is not seen while listening (this is what the notification is for)…
        await MoveVersionSilentlyAsync();
        Assert.Same(first, await index.CurrentAsync(db));
        // …and a bump, which notifies at commit, is seen by the searches after it.
        await using (var writer = fixture.NewContext()) await RegistrySearchIndex.BumpVersionAsync(writer, default);
        var expected = await RegistrySearchIndex.ReadVersionAsync(db, default);
        await Eventually(async () => (await index.CurrentAsync(db)).Version == expected);

        // The listener gone, every search reads the version again.
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listening);
        Assert.False(index.Listening);
        await MoveVersionSilentlyAsync();
        Assert.Equal(await RegistrySearchIndex.ReadVersionAsync(db, default), (await index.CurrentAsync(db)).Version);
    }

    [Fact]
    public async Task A_search_page_shown_again_reads_its_entries_from_the_snapshot_until_the_registry_changes()
    {
        var counter = new CommandCounter();
        await using var db = Counted(counter);
        var store = new RegistryStore(db);
        var query = new RegistryQuery { Text = "智能" };
        var first = await store.SearchAsync(query);
        Assert.NotEmpty(first.Items);
        Assert.All(first.Items, e => Assert.NotEmpty(e.Listings));

        var asked = counter.Count;
        var again = await store.SearchAsync(query);
        Assert.Equal(first.Items.Select(e => e.Id), again.Items.Select(e => e.Id));
        Assert.Equal(asked + 1, counter.Count); // the version read (nothing listens here), no entries

        // A change replaces the snapshot and with it the entries it kept: the page is read again, with the change.
        var number = first.Items[0].Number;
        await using (var writer = fixture.NewContext())
        {
            await writer.Set<RegistryEntry>().Where(e => e.Number == number)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Entity, "改名后的备案主体有限公司"));
            await RegistrySearchIndex.BumpVersionAsync(writer, default);
        }
        var changed = await store.SearchAsync(query);
        Assert.Equal("改名后的备案主体有限公司", changed.Items.Single(e => e.Number == number).Entity);
    }
}
