using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Organisations;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Organisations;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Filings;
using Suanbei.Web.Tests.Notifications;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Organisations;

/// <summary>
/// What an account may act for: on PostgreSQL each node keeps it while it listens for the changes that the database's
/// triggers announce in the changing transaction (so a signed-in request asks nothing of it); on SQLite it is read on
/// every request.
/// </summary>
public abstract class MembershipCacheTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    protected abstract bool KeepsChoices { get; }

    [Fact]
    public async Task A_membership_deleted_unannounced_is_refused_at_once_without_a_listener_and_once_announced_with_one()
    {
        var (owner, editor, editorPages) = await MemberAsync(app, app);
        var cache = app.App.Services.GetRequiredService<MembershipCache>();
        await Eventually.HoldsAsync(() => cache.Listening == KeepsChoices, "the listener's connection");
        Assert.Contains("测试写作", await editorPages.GetStringAsync("/products"));
        if (KeepsChoices) await KeptAsync(cache, editor.Id, editorPages);

        // Deleted behind the app's back with the triggers off: a listening node still lets the member in, from its copy.
        // (Put back the same way when a late announcement of the fixture's own saves spoilt an attempt.)
        var row = KeepsChoices ? await app.WithDb(db => db.Database.SqlQuery<string>($"""
            SELECT row_to_json(m)::text AS "Value" FROM "OrganisationMembers" m
            WHERE "OrganisationId" = {owner.User.Id} AND "UserId" = {editor.Id}
            """).SingleAsync()) : null;
        Task Unannounced(FormattableString sql) => app.WithDb(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica");
            await db.Database.ExecuteSqlAsync(sql);
            await tx.CommitAsync();
            return 0;
        });
        var page = await UnannouncedChange.ReadAfterAsync(cache,
            keep: () => KeepsChoices ? KeptAsync(cache, editor.Id, editorPages) : Task.CompletedTask,
            change: () => Unannounced(
                $"""DELETE FROM "OrganisationMembers" WHERE "OrganisationId" = {owner.User.Id} AND "UserId" = {editor.Id}"""),
            undo: () => Unannounced(
                $"""INSERT INTO "OrganisationMembers" SELECT (json_populate_record(NULL::"OrganisationMembers", {row}::json)).*"""),
            read: () => editorPages.GetStringAsync("/products"));
        if (KeepsChoices) Assert.Contains("测试写作", page);
        else Assert.DoesNotContain("测试写作", page);

        if (!KeepsChoices) return;
        // The announcement (here by hand, as the triggers do) drops the copy.
        await app.WithDb(db => db.Database.ExecuteSqlAsync($"SELECT pg_notify({MembershipCache.Channel}, {editor.Id})"));
        await Eventually.HoldsAsync(() => !cache.TryGet(editor.Id, out _), "the announcement");
        Assert.DoesNotContain("测试写作", await editorPages.GetStringAsync("/products"));
    }

    [Fact]
    public void A_choice_read_while_a_change_arrived_is_not_kept_and_an_empty_key_drops_every_account()
    {
        var cache = new MembershipCache();
        cache.SetListening(true);
        var seen = cache.Changes;
        cache.Changed("someone-else");
        cache.Keep("a", [], seen);
        Assert.False(cache.TryGet("a", out _));
        cache.Keep("a", [], cache.Changes);
        cache.Keep("b", [], cache.Changes);
        Assert.True(cache.TryGet("a", out _));
        cache.Changed(MembershipCache.AllKeys);
        Assert.False(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
    }

    /// <summary>
    /// Requests a page until the node keeps the account's choices: the notification of the membership's own creation may
    /// reach the node after its first request kept them, and drop them once.
    /// </summary>
    internal static Task KeptAsync(MembershipCache cache, string accountId, HttpClient pages) => Eventually.HoldsAsync(async () =>
    {
        await pages.GetStringAsync("/products");
        return cache.TryGet(accountId, out _);
    }, "the node keeps the account's choices");

    /// <summary>An approved filer's organisation (owner signed in on <paramref name="ownerNode"/>) with an editor.</summary>
    internal static async Task<(FilingFixtures.Filer Owner, AppUser Editor, HttpClient EditorPages)> MemberAsync(
        TestApp ownerNode, TestApp editorNode)
    {
        var owner = await FilingFixtures.ApprovedFilerAsync(ownerNode);
        var ownerPages = await ownerNode.SignInAsync(owner.User.Email!);
        Assert.Equal(HttpStatusCode.OK, (await ownerPages.GetAsync("/organisations")).StatusCode); // the personal organisation
        var editor = await ownerNode.CreateUserAsync(Roles.Filer);
        await ownerNode.WithServices(async sp =>
        {
            var orgs = sp.GetRequiredService<OrganisationService>();
            var org = (await orgs.OfMemberAsync(owner.User.Id, owner.User.Id))!;
            var (invitation, _) = await orgs.InviteAsync(org, owner.User.Id, editor.Email!, MemberRole.Editor);
            await orgs.AcceptAsync(invitation, org, editor.Id, editor.Email);
            return 0;
        });
        var editorPages = await editorNode.SignInAsync(editor.Email!);
        return (owner, editor, editorPages);
    }
}

public sealed class MembershipCacheTestsSqlite(SqliteApp app) : MembershipCacheTests<SqliteApp>(app)
{
    protected override bool KeepsChoices => false;
}

public sealed class MembershipCacheTestsPostgres(PostgresApp app) : MembershipCacheTests<PostgresApp>(app)
{
    protected override bool KeepsChoices => true;
}

/// <summary>
/// Two app nodes on one PostgreSQL database: an owner changes a member's role, then removes the member, through node
/// a's pages; node b, which served the member from its copy, applies each change to the member's next request (pages
/// and API) once the commit's notification has reached it.
/// </summary>
public sealed class MembershipAcrossNodesTests
{
    [Fact]
    public async Task A_role_changed_and_a_member_removed_on_one_node_apply_on_the_other()
    {
        await using var nodes = await TwoNodes.StartAsync("members");
        await RoleAndRemovalAsync(nodes.A, nodes.B);
    }

    private static async Task RoleAndRemovalAsync(TestApp a, TestApp b)
    {
        var bCache = b.App.Services.GetRequiredService<MembershipCache>();
        await Eventually.HoldsAsync(() => bCache.Listening, "node b's listener");
        var (owner, editor, editorPages) = await MembershipCacheTests<PostgresApp>.MemberAsync(a, b);
        var ownerPages = await a.SignInAsync(owner.User.Email!);
        var editorApi = await b.ApiClientAsync(editor);
        editorApi.DefaultRequestHeaders.Add(OrganisationClaimsTransformation.HeaderName, owner.User.Id);
        var product = $"/products/edit?id={owner.ProductId}";

        Assert.Contains("测试写作", await editorPages.GetStringAsync("/products"));
        Assert.Contains("测试写作", await editorApi.GetStringAsync("/api/v1/products"));
        await MembershipCacheTests<PostgresApp>.KeptAsync(bCache, editor.Id, editorPages); // node b answers from its copy

        var members = $"/organisations/{owner.User.Id}/members";
        Assert.Equal(HttpStatusCode.Redirect, (await ownerPages.PostFormAsync(members,
            new() { ["userId"] = editor.Id, ["role"] = nameof(MemberRole.Viewer) }, url: members + "?handler=Role")).StatusCode);
        await Eventually.HoldsAsync(() => !bCache.TryGet(editor.Id, out _), "node b hears of the new role");
        Assert.Equal(HttpStatusCode.Forbidden, (await editorPages.PostFormAsync(product,
            new() { ["FunctionName"] = "只读写入", ["FunctionDescription"] = "不应保存" }, url: product + "&handler=AddFunction")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editorApi.PostAsJsonAsync($"/api/v1/products/{owner.ProductId}/functions",
            new { name = "只读写入", description = "x" })).StatusCode);
        Assert.Contains("测试写作", await editorPages.GetStringAsync("/products")); // still a member, read-only

        Assert.Equal(HttpStatusCode.Redirect, (await ownerPages.PostFormAsync(members, new() { ["userId"] = editor.Id },
            url: members + "?handler=Remove")).StatusCode);
        await Eventually.HoldsAsync(() => !bCache.TryGet(editor.Id, out _), "node b hears of the removal");
        Assert.DoesNotContain("测试写作", await editorPages.GetStringAsync("/products"));
        Assert.DoesNotContain("测试写作", await editorApi.GetStringAsync("/api/v1/products"));
        Assert.Equal(HttpStatusCode.NotFound, (await editorPages.GetAsync(product)).StatusCode);
    }
}
