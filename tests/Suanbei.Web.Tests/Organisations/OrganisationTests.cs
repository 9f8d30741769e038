using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Core.Organisations;
using Suanbei.Web.Features.Organisations;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Filings;
using Suanbei.Web.Tests.Filings.Deadlines;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Organisations;

/// <summary>
/// Organisations through the pages and the API: the data of an organisation is seen by its members only, by role;
/// a consultancy sees a client only while the client's consent stands; removals and revocations act at once.
/// </summary>
public abstract partial class OrganisationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Header = OrganisationClaimsTransformation.HeaderName;

    [GeneratedRegex("data-testid=\"invitation-link\">([^<]+)<")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task An_account_keeps_its_rows_in_its_personal_organisation()
    {
        var owner = await FilingFixtures.ApprovedFilerAsync(app); // rows written with the account id, before any request
        var pages = await app.SignInAsync(owner.User.Email!);
        var products = await pages.GetStringAsync("/products");
        Assert.Contains("测试写作", products);
        // The header names the account once: acting for the personal organisation (named by the e-mail) goes unsaid.
        var header = Regex.Match(products, "<header class=\"site\">.*?</header>", RegexOptions.Singleline).Value;
        Assert.Single(Regex.Matches(header, Regex.Escape(owner.User.Email!)));
        var api = await app.ApiClientAsync(owner.User);
        var orgs = await FilingFixtures.Ok(await api.GetAsync("/api/v1/organisations"));
        var mine = Assert.Single(orgs.EnumerateArray());
        Assert.Equal(owner.User.Id, mine.GetProperty("id").GetString());
        Assert.Equal("管理成员", mine.GetProperty("role").GetString());
        Assert.Contains("测试写作", await api.GetStringAsync("/api/v1/products"));
    }

    [Fact]
    public async Task An_invited_editor_works_on_the_organisations_data_until_removed()
    {
        var owner = await FilingFixtures.ApprovedFilerAsync(app);
        var ownerPages = await app.SignInAsync(owner.User.Email!);
        var editor = await app.CreateUserAsync(Roles.Filer);
        var link = await InviteAsync(ownerPages, owner.User.Id, editor.Email!, "Editor");
        var editorPages = await app.SignInAsync(editor.Email!);
        await AcceptAsync(editorPages, link);

        Assert.Contains("测试写作", await editorPages.GetStringAsync("/products"));
        var editorApi = await app.ApiClientAsync(editor);
        editorApi.DefaultRequestHeaders.Add(Header, owner.User.Id);
        Assert.Contains("测试写作", await editorApi.GetStringAsync("/api/v1/products"));
        var filingId = await FilingFixtures.CompleteFilingViaApiAsync(editorApi, owner);
        await FilingFixtures.Ok(await editorApi.PostAsync($"/api/v1/filings/{filingId}/submit", null));
        var audit = await app.WithDb(db => db.Set<AlgorithmFiling>().Include(f => f.AuditTrail).FirstAsync(f => f.Id == filingId));
        Assert.Equal(owner.User.Id, audit.OwnerUserId);
        var submitted = Assert.Single(audit.AuditTrail, a => a.Action == FilingAction.Submit);
        Assert.Equal(editor.Id, submitted.ActorUserId); // the member, not the organisation
        Assert.Equal(editor.Email, submitted.ActorName);
        var ownerApi = await app.ApiClientAsync(owner.User);
        Assert.Contains(filingId.ToString(), await ownerApi.GetStringAsync("/api/v1/filings"));

        var removed = await ownerPages.PostFormAsync($"/organisations/{owner.User.Id}/members",
            new() { ["userId"] = editor.Id }, url: $"/organisations/{owner.User.Id}/members?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("测试写作", await editorPages.GetStringAsync("/products"));
        Assert.DoesNotContain("测试写作", await editorApi.GetStringAsync("/api/v1/products"));
        Assert.Equal(HttpStatusCode.NotFound, (await editorApi.GetAsync($"/api/v1/filings/{filingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editorPages.GetAsync($"/products/edit?id={owner.ProductId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editorPages.GetAsync($"/organisations/{owner.User.Id}/members")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_but_every_write_is_refused()
    {
        var owner = await FilingFixtures.ApprovedFilerAsync(app);
        var ownerPages = await app.SignInAsync(owner.User.Email!);
        var viewer = await app.CreateUserAsync(Roles.Filer);
        var link = await InviteAsync(ownerPages, owner.User.Id, viewer.Email!, "Viewer");
        var viewerPages = await app.SignInAsync(viewer.Email!);
        await AcceptAsync(viewerPages, link);

        Assert.Contains("测试写作", await viewerPages.GetStringAsync("/products"));
        Assert.Equal(HttpStatusCode.OK, (await viewerPages.GetAsync($"/products/edit?id={owner.ProductId}")).StatusCode);
        var page = await viewerPages.PostFormAsync($"/products/edit?id={owner.ProductId}",
            new() { ["FunctionName"] = "只读写入", ["FunctionDescription"] = "不应保存" },
            url: $"/products/edit?id={owner.ProductId}&handler=AddFunction");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerPages.PostFormAsync("/subjects", new() { ["Input.Name"] = "改名" },
            url: "/subjects?handler=Save")).StatusCode);

        var api = await app.ApiClientAsync(viewer);
        api.DefaultRequestHeaders.Add(Header, owner.User.Id);
        Assert.Contains("测试写作", await api.GetStringAsync("/api/v1/products"));
        var write = await api.PostAsJsonAsync($"/api/v1/products/{owner.ProductId}/functions", new { name = "只读写入", description = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("只读成员", await write.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/filings", null)).StatusCode);
        Assert.DoesNotContain("只读写入", await api.GetStringAsync("/api/v1/products"));
        // Answering the 备案判断 writes nothing and stays open to viewers.
        Assert.NotEqual(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/assess", new { })).StatusCode);
    }

    [Fact]
    public async Task An_outsider_sees_nothing_of_an_organisation()
    {
        var owner = await FilingFixtures.ApprovedFilerAsync(app);
        var (outsider, outsiderPages) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderPages.GetAsync($"/organisations/{owner.User.Id}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderPages.GetAsync($"/products/edit?id={owner.ProductId}")).StatusCode);
        var switched = await outsiderPages.PostFormAsync("/organisations", new() { ["id"] = owner.User.Id },
            url: "/organisations?handler=Switch");
        Assert.Equal(HttpStatusCode.NotFound, switched.StatusCode);
        var api = await app.ApiClientAsync(outsider);
        api.DefaultRequestHeaders.Add(Header, owner.User.Id); // asking for it is ignored: the account acts for its own
        Assert.DoesNotContain("测试写作", await api.GetStringAsync("/api/v1/products"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/subject")).StatusCode);
        Assert.DoesNotContain(owner.User.Id, await api.GetStringAsync("/api/v1/organisations"));
    }

    [Fact]
    public async Task A_consultancy_acts_for_a_client_only_while_the_consent_stands()
    {
        var client = await FilingFixtures.ApprovedFilerAsync(app);
        var clientPages = await app.SignInAsync(client.User.Email!);
        var (agent, agentPages) = await app.SignedInAsync(Roles.Filer);
        var created = await agentPages.PostFormAsync("/organisations",
            new() { ["Input.Name"] = "某某合规咨询", ["Input.Kind"] = "Consultancy" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var consultancyId = created.Headers.Location!.OriginalString.Split('/')[2];
        var agentApi = await app.ApiClientAsync(agent);
        agentApi.DefaultRequestHeaders.Add(Header, client.User.Id);
        Assert.DoesNotContain("测试写作", await agentApi.GetStringAsync("/api/v1/products")); // no consent yet

        var membersPage = $"/organisations/{client.User.Id}/members";
        Assert.Equal(HttpStatusCode.Redirect, (await clientPages.PostFormAsync(membersPage, new() { ["ConsultancyId"] = consultancyId },
            url: membersPage + "?handler=Grant")).StatusCode);
        Assert.Contains("某某合规咨询", await clientPages.GetStringAsync(membersPage));
        Assert.Equal(HttpStatusCode.Redirect, (await agentPages.PostFormAsync("/organisations", new() { ["id"] = client.User.Id },
            url: "/organisations?handler=Switch")).StatusCode);
        Assert.Contains("测试写作", await agentPages.GetStringAsync("/products"));
        Assert.Contains("测试写作", await agentApi.GetStringAsync("/api/v1/products"));
        var filingId = await FilingFixtures.CompleteFilingViaApiAsync(agentApi, client);
        await FilingFixtures.Ok(await agentApi.PostAsync($"/api/v1/filings/{filingId}/submit", null));
        var trail = await FilingFixtures.Ok(await agentApi.GetAsync($"/api/v1/filings/{filingId}/audit"));
        Assert.Contains(trail.EnumerateArray(),
            a => a.GetProperty("actor").GetString() == $"{agent.Email}（某某合规咨询）代表 {client.User.Email}");

        var consents = await app.WithDb(db => db.Set<Suanbei.Core.Organisations.ConsultancyConsent>()
            .Where(c => c.ClientId == client.User.Id).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await clientPages.PostFormAsync(membersPage,
            new() { ["consentId"] = Assert.Single(consents).Id.ToString() }, url: membersPage + "?handler=Revoke")).StatusCode);
        Assert.DoesNotContain("测试写作", await agentPages.GetStringAsync("/products"));
        Assert.DoesNotContain("测试写作", await agentApi.GetStringAsync("/api/v1/products"));
        Assert.Equal(HttpStatusCode.NotFound, (await agentApi.GetAsync($"/api/v1/filings/{filingId}")).StatusCode);
    }

    [Fact]
    public async Task A_new_person_accepts_by_creating_the_invited_account()
    {
        var (owner, ownerPages) = await app.SignedInAsync(Roles.Filer);
        var email = TestApp.NewEmail("new");
        var link = await InviteAsync(ownerPages, owner.Id, email, "Editor");
        var anonymous = app.Client();
        var form = await anonymous.GetStringAsync(link);
        Assert.Contains("invitation-register-form", form);
        var mismatch = await anonymous.PostFormAsync(link, new() { ["Input.Password"] = "abcdefgh12", ["Input.ConfirmPassword"] = "x" },
            url: link + "?handler=Register");
        Assert.Contains("两次输入的密码不一致", await mismatch.Content.ReadAsStringAsync());
        var registered = await anonymous.PostFormAsync(link,
            new() { ["Input.Password"] = TestApp.Password, ["Input.ConfirmPassword"] = TestApp.Password }, url: link + "?handler=Register");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var pages = await app.SignInAsync(email);
        var list = await pages.GetStringAsync("/organisations");
        Assert.Contains(owner.Email!, list);
        Assert.Contains("已被接受", await pages.GetStringAsync(link)); // used once
    }

    [Fact]
    public async Task The_last_owner_cannot_leave_and_a_bad_invitation_says_which_field()
    {
        var (owner, pages) = await app.SignedInAsync(Roles.Filer);
        await pages.GetAsync("/organisations"); // creates the personal organisation
        var members = $"/organisations/{owner.Id}/members";
        // The page explains instead of offering the button; the server refuses a post all the same.
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync(members));
        Assert.DoesNotContain("data-testid=\"organisation-leave\"", page);
        Assert.Contains("您是本机构唯一的管理成员，不能退出", page);
        var left = await pages.PostFormAsync(members, new(), url: members + "?handler=Leave");
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Contains("最后一位管理成员", await left.Content.ReadAsStringAsync());
        var bad = await pages.PostFormAsync(members, new() { ["Invite.Email"] = "不是邮箱", ["Invite.Role"] = "Editor" },
            url: members + "?handler=Invite");
        Assert.Matches("data-valmsg-for=\"Invite.Email\"[^>]*>「邮箱」格式不正确<", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/organisations/invitations/0000")).StatusCode);
    }

    [Fact]
    public async Task An_owner_withdraws_a_pending_invitation_on_the_members_page_and_its_link_says_so()
    {
        var (owner, ownerPages) = await app.SignedInAsync(Roles.Filer);
        var invited = await app.CreateUserAsync(Roles.Filer);
        var link = await InviteAsync(ownerPages, owner.Id, invited.Email!, "Editor");
        var members = $"/organisations/{owner.Id}/members";
        Assert.Contains("invitation-withdraw", await ownerPages.GetStringAsync(members));
        var invitation = await app.WithDb(db => db.Set<Invitation>().SingleAsync(i => i.Email == invited.Email));

        var withdrawn = await ownerPages.PostFormAsync(members, new() { ["invitationId"] = invitation.Id.ToString() },
            url: members + "?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var page = await ownerPages.GetStringAsync(members);
        Assert.Contains($"已撤回发给 {invited.Email} 的邀请", page);
        Assert.DoesNotContain("invitation-withdraw", page); // no longer pending
        var record = Regex.Match(page, "data-testid=\"withdrawn-invitation\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(invited.Email!, record);
        Assert.Contains(owner.Email!, record); // who withdrew it
        var row = await app.WithDb(db => db.Set<Invitation>().SingleAsync(i => i.Id == invitation.Id));
        Assert.Equal(owner.Id, row.WithdrawnBy);
        Assert.NotNull(row.WithdrawnAt);

        var invitedPages = await app.SignInAsync(invited.Email!);
        var shown = await invitedPages.GetStringAsync(link);
        Assert.Contains("被机构的管理成员撤回，不能再使用", shown);
        Assert.DoesNotContain("invitation-accept", shown);
        var accept = await invitedPages.PostFormAsync(link, new(), url: link + "?handler=Accept");
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Contains("被机构的管理成员撤回", await accept.Content.ReadAsStringAsync());
        Assert.DoesNotContain(owner.Id, await (await app.ApiClientAsync(invited)).GetStringAsync("/api/v1/organisations"));
    }

    [Fact]
    public async Task Invitations_are_listed_and_withdrawn_through_the_api_by_owners_only()
    {
        var (owner, ownerPages) = await app.SignedInAsync(Roles.Filer);
        var editor = await app.CreateUserAsync(Roles.Filer);
        await AcceptAsync(await app.SignInAsync(editor.Email!), await InviteAsync(ownerPages, owner.Id, editor.Email!, "Editor"));
        var pendingEmail = TestApp.NewEmail("pending");
        var link = await InviteAsync(ownerPages, owner.Id, pendingEmail, "Viewer");
        var path = $"/api/v1/organisations/{owner.Id}/invitations";

        var ownerApi = await app.ApiClientAsync(owner);
        var pending = Assert.Single((await FilingFixtures.Ok(await ownerApi.GetAsync(path))).EnumerateArray());
        Assert.Equal(pendingEmail, pending.GetProperty("email").GetString());
        Assert.Equal("只读", pending.GetProperty("role").GetString());
        var id = pending.GetProperty("id").GetGuid();

        var editorApi = await app.ApiClientAsync(editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editorApi.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editorApi.DeleteAsync($"{path}/{id}")).StatusCode);
        var outsider = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Filer));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.DeleteAsync($"{path}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerApi.DeleteAsync($"{path}/{Guid.NewGuid()}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ownerApi.DeleteAsync($"{path}/{id}")).StatusCode);
        Assert.Empty((await FilingFixtures.Ok(await ownerApi.GetAsync(path))).EnumerateArray());
        var again = await ownerApi.DeleteAsync($"{path}/{id}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已于", await again.Content.ReadAsStringAsync());
        Assert.Contains("撤回", await app.Client().GetStringAsync(link));

        // An accepted invitation cannot be withdrawn (the member is removed instead).
        var accepted = await app.WithDb(db => db.Set<Invitation>().SingleAsync(i => i.Email == editor.Email));
        var late = await ownerApi.DeleteAsync($"{path}/{accepted.Id}");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已被接受，不能撤回", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_calendar_feed_belongs_to_one_member_and_one_organisation_and_ends_with_the_membership()
    {
        var owner = await FilingFixtures.ApprovedFilerAsync(app, "440306", "日历甲公司");
        var ownerApi = await app.ApiClientAsync(owner.User);
        await FilingFixtures.CompleteFilingViaApiAsync(ownerApi, owner, "日历测试算法"); // a running start-of-service clock
        var ownerPages = await app.SignInAsync(owner.User.Email!);
        var viewer = await app.CreateUserAsync(Roles.Filer);
        var viewerPages = await app.SignInAsync(viewer.Email!);
        await AcceptAsync(viewerPages, await InviteAsync(ownerPages, owner.User.Id, viewer.Email!, "Viewer"));
        var anonymous = app.Client();
        async Task<HttpResponseMessage> Feed(string url) => await anonymous.GetAsync(new Uri(url).PathAndQuery);
        static async Task<string> Issue(HttpClient api) =>
            (await FilingFixtures.Ok(await api.PostAsync("/api/v1/deadlines/calendar-token", null))).GetProperty("url").GetString()!;

        var viewerApi = await app.ApiClientAsync(viewer);
        var viewerOwn = await Issue(viewerApi); // the viewer's personal organisation
        viewerApi.DefaultRequestHeaders.Add(Header, owner.User.Id);
        var viewerForOwner = await Issue(viewerApi); // a viewer may subscribe: it reads these deadlines anyway
        var ownerFeed = await Issue(ownerApi);
        Assert.NotEqual(viewerForOwner, ownerFeed);

        var shared = await (await Feed(viewerForOwner)).Content.ReadAsStringAsync();
        Assert.Contains("日历测试算法", shared);
        Assert.Contains($"X-WR-CALNAME:算备·{owner.User.Email}·备案期限", DeadlineComputationTests.Unfold(shared)); // the organisation
        Assert.DoesNotContain("日历测试算法", await (await Feed(viewerOwn)).Content.ReadAsStringAsync());
        Assert.Contains("日历测试算法", await (await Feed(ownerFeed)).Content.ReadAsStringAsync());

        // Regenerating replaces only this member's link for this organisation.
        var regenerated = await Issue(viewerApi);
        Assert.Equal(HttpStatusCode.NotFound, (await Feed(viewerForOwner)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Feed(regenerated)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Feed(viewerOwn)).StatusCode);

        // Removal ends it (the owner's and the viewer's own feeds go on); joining again does not revive it.
        var removed = await ownerPages.PostFormAsync($"/organisations/{owner.User.Id}/members",
            new() { ["userId"] = viewer.Id }, url: $"/organisations/{owner.User.Id}/members?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Feed(regenerated)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Feed(ownerFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Feed(viewerOwn)).StatusCode);
        await AcceptAsync(viewerPages, await InviteAsync(ownerPages, owner.User.Id, viewer.Email!, "Viewer"));
        Assert.Equal(HttpStatusCode.NotFound, (await Feed(regenerated)).StatusCode);

        // The page issues the link for the organisation acted for, to a viewer too.
        var page = await viewerPages.PostFormAsync("/deadlines", new(), url: "/deadlines?handler=Token");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task A_consultancy_members_calendar_link_stays_dead_when_the_mandate_is_revoked_and_granted_again()
    {
        var client = await FilingFixtures.ApprovedFilerAsync(app, "440306", "日历委托甲公司");
        var clientApi = await app.ApiClientAsync(client.User);
        await FilingFixtures.CompleteFilingViaApiAsync(clientApi, client, "委托日历算法");
        var clientPages = await app.SignInAsync(client.User.Email!);
        var (agent, agentPages) = await app.SignedInAsync(Roles.Filer);
        var created = await agentPages.PostFormAsync("/organisations",
            new() { ["Input.Name"] = "日历合规咨询", ["Input.Kind"] = "Consultancy" });
        var consultancyId = created.Headers.Location!.OriginalString.Split('/')[2];
        var membersPage = $"/organisations/{client.User.Id}/members";
        async Task Grant() => Assert.Equal(HttpStatusCode.Redirect, (await clientPages.PostFormAsync(membersPage,
            new() { ["ConsultancyId"] = consultancyId }, url: membersPage + "?handler=Grant")).StatusCode);
        await Grant();
        var agentApi = await app.ApiClientAsync(agent);
        agentApi.DefaultRequestHeaders.Add(Header, client.User.Id);
        async Task<string> Issue() => (await FilingFixtures.Ok(await agentApi.PostAsync("/api/v1/deadlines/calendar-token", null)))
            .GetProperty("url").GetString()!;
        var anonymous = app.Client();
        async Task<HttpResponseMessage> Feed(string url) => await anonymous.GetAsync(new Uri(url).PathAndQuery);
        var link = await Issue();
        Assert.Contains("委托日历算法", await (await Feed(link)).Content.ReadAsStringAsync());

        var consent = await app.WithDb(db => db.Set<ConsultancyConsent>().SingleAsync(c => c.ClientId == client.User.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await clientPages.PostFormAsync(membersPage,
            new() { ["consentId"] = consent.Id.ToString() }, url: membersPage + "?handler=Revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Feed(link)).StatusCode);
        await Grant(); // the mandate again: the old link stays dead, a new one is needed
        Assert.Equal(HttpStatusCode.NotFound, (await Feed(link)).StatusCode);
        var renewed = await Issue();
        Assert.Contains("委托日历算法", await (await Feed(renewed)).Content.ReadAsStringAsync());
    }

    private static async Task<string> InviteAsync(HttpClient ownerPages, string orgId, string email, string role)
    {
        var page = $"/organisations/{orgId}/members";
        var response = await ownerPages.PostFormAsync(page, new() { ["Invite.Email"] = email, ["Invite.Role"] = role },
            url: page + "?handler=Invite");
        var html = await response.Content.ReadAsStringAsync();
        var match = InvitationLink().Match(html);
        Assert.True(match.Success, html);
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)).PathAndQuery;
    }

    private static async Task AcceptAsync(HttpClient pages, string link)
    {
        var accepted = await pages.PostFormAsync(link, new(), url: link + "?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }
}

public sealed class OrganisationTestsSqlite(SqliteApp app) : OrganisationTests<SqliteApp>(app);
public sealed class OrganisationTestsPostgres(PostgresApp app) : OrganisationTests<PostgresApp>(app);
