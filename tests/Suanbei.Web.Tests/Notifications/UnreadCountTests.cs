using Microsoft.Extensions.DependencyInjection;
using Suanbei.Web.Features.Notifications;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Notifications;

/// <summary>
/// The layout's unread count: on PostgreSQL each node keeps it per account while it listens for announced changes
/// (another node's announcement reaches it); on SQLite it is counted in the database on every page.
/// </summary>
public abstract class UnreadCountTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    protected abstract bool KeepsCounts { get; }

    [Fact]
    public async Task The_count_follows_every_announced_change_and_is_kept_only_while_listening()
    {
        var filer = await app.CreateUserAsync(Roles.Filer);
        var browser = await app.SignInAsync(filer.Email!);
        var counts = app.App.Services.GetRequiredService<UnreadCounts>();
        await Eventually.HoldsAsync(() => counts.Listening == KeepsCounts, "the listener's connection");
        Assert.DoesNotContain("通知（", await browser.GetStringAsync("/filings"));

        // A row written behind the app's back (no announcement): a listening node still shows the count it kept.
        await app.WithDb(async db =>
        {
            db.Add(new Notification(filer.Id, "unannounced:" + Guid.NewGuid().ToString("N"), "未宣布的通知", "正文", null,
                DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var page = await browser.GetStringAsync("/filings");
        if (KeepsCounts) Assert.DoesNotContain("通知（", page);
        else Assert.Contains("通知（1）", page);

        // Another node announces the account (its own UnreadCounts): this node's copy is dropped.
        await app.WithDb(async db =>
        {
            await new UnreadCounts().AnnounceAsync(db, filer.Id, default);
            return 0;
        });
        await Eventually.HoldsAsync(async () => (await browser.GetStringAsync("/filings")).Contains("通知（1）"), "the new count");

        // Marking read through the page announces it: the count goes at once.
        await browser.PostFormAsync("/notifications", new(), url: "/notifications?handler=ReadAll");
        Assert.DoesNotContain("通知（", await browser.GetStringAsync("/filings"));
    }

    [Fact]
    public void A_count_read_while_a_change_arrived_is_not_kept()
    {
        var counts = new UnreadCounts();
        counts.Keep("a", 3, counts.Changes);
        Assert.False(counts.TryGet("a", out _)); // not listening: nothing kept
        counts.SetListening(true);
        counts.Keep("a", 3, counts.Changes);
        Assert.True(counts.TryGet("a", out var kept));
        Assert.Equal(3, kept);
        var seen = counts.Changes;
        counts.Changed("b"); // any change while "a" was being counted
        counts.Keep("a", 4, seen);
        Assert.Equal(3, counts.TryGet("a", out kept) ? kept : -1);
        counts.Changed("a");
        Assert.False(counts.TryGet("a", out _));
        counts.Keep("a", 5, counts.Changes);
        counts.SetListening(false);
        Assert.False(counts.TryGet("a", out _));
    }
}

public sealed class UnreadCountTestsSqlite(SqliteApp app) : UnreadCountTests<SqliteApp>(app)
{
    protected override bool KeepsCounts => false;
}

public sealed class UnreadCountTestsPostgres(PostgresApp app) : UnreadCountTests<PostgresApp>(app)
{
    protected override bool KeepsCounts => true;
}
