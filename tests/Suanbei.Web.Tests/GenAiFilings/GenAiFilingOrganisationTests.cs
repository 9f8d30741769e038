using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Features.Organisations;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.GenAiFilings;

/// <summary>
/// The generative-AI filing belongs to the organisation, not to the account that typed it: its members see and edit it,
/// the audit trail names the member, outsiders get 404 — also for the 上线备案表 download.
/// </summary>
public abstract partial class GenAiFilingOrganisationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [GeneratedRegex("data-testid=\"invitation-link\">([^<]+)<")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task An_invited_editor_works_on_the_organisations_genai_filing_and_an_outsider_gets_404()
    {
        var owner = await ApprovedFilerAsync(app);
        var ownerPages = await app.SignInAsync(owner.User.Email!);
        var editor = await app.CreateUserAsync(Roles.Filer);
        var link = await InviteAsync(ownerPages, owner.User.Id, editor.Email!);
        var editorPages = await app.SignInAsync(editor.Email!);
        var accepted = await editorPages.PostFormAsync(link, new(), url: link + "?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var editorApi = await app.ApiClientAsync(editor);
        editorApi.DefaultRequestHeaders.Add(OrganisationClaimsTransformation.HeaderName, owner.User.Id);
        var id = await GenAiFilingApiTests<TApp>.CompleteDraftAsync(editorApi, owner, "Own", "组织协作模型");
        await Ok(await editorApi.PostAsync($"/api/v1/genai-filings/{id}/submit", null));

        var saved = await app.WithDb(db => db.Set<GenerativeAiFiling>().Include(f => f.AuditTrail).FirstAsync(f => f.Id == id));
        Assert.Equal(owner.User.Id, saved.OwnerUserId);
        var submitted = Assert.Single(saved.AuditTrail, a => a.Action == GenerativeAiAction.Submit);
        Assert.Equal((editor.Id, editor.Email), (submitted.ActorUserId, submitted.ActorName)); // the member, not the organisation
        Assert.Contains(id.ToString(), await (await app.ApiClientAsync(owner.User)).GetStringAsync("/api/v1/genai-filings"));
        Assert.Contains("组织协作模型", await editorPages.GetStringAsync($"/genai-filings/{id}"));
        Assert.Contains("组织协作模型", await editorPages.GetStringAsync("/genai-filings"));

        var (outsider, outsiderPages) = await app.SignedInAsync(Roles.Filer);
        var outsiderApi = await app.ApiClientAsync(outsider);
        outsiderApi.DefaultRequestHeaders.Add(OrganisationClaimsTransformation.HeaderName, owner.User.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderApi.GetAsync($"/api/v1/genai-filings/{id}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await outsiderApi.GetStringAsync("/api/v1/genai-filings"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderPages.GetAsync($"/genai-filings/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_online_filing_form_downloads_for_the_owner_and_a_reviewer_only()
    {
        var owner = await ApprovedFilerAsync(app);
        var ownerPages = await app.SignInAsync(owner.User.Email!);
        var id = await GenAiFilingApiTests<TApp>.CompleteDraftAsync(await app.ApiClientAsync(owner.User), owner, "Own", "表格下载模型");
        var url = $"/genai-filings/{id}/documents/online-filing-form.docx";
        Assert.Contains($"href=\"{url}\"", await ownerPages.GetStringAsync($"/genai-filings/{id}"));

        var response = await ownerPages.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("上线备案表", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Contains("表格下载模型", DocumentXml(bytes));

        var (_, outsiderPages) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderPages.GetAsync(url)).StatusCode);
        var (_, reviewerPages) = await app.SignedInAsync(Roles.Reviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewerPages.GetAsync(url)).StatusCode); // a draft stays private
        await Ok(await (await app.ApiClientAsync(owner.User)).PostAsync($"/api/v1/genai-filings/{id}/submit", null));
        Assert.Contains($"href=\"{url}\"", await reviewerPages.GetStringAsync($"/review/genai-filings/{id}"));
        Assert.Contains("表格下载模型", DocumentXml(await reviewerPages.GetByteArrayAsync(url)));
    }

    private static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    private static async Task<string> InviteAsync(HttpClient ownerPages, string orgId, string email)
    {
        var page = $"/organisations/{orgId}/members";
        var response = await ownerPages.PostFormAsync(page, new() { ["Invite.Email"] = email, ["Invite.Role"] = "Editor" },
            url: page + "?handler=Invite");
        var html = await response.Content.ReadAsStringAsync();
        var match = InvitationLink().Match(html);
        Assert.True(match.Success, html);
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)).PathAndQuery;
    }
}

public sealed class GenAiFilingOrganisationTestsSqlite(SqliteApp app) : GenAiFilingOrganisationTests<SqliteApp>(app);
public sealed class GenAiFilingOrganisationTestsPostgres(PostgresApp app) : GenAiFilingOrganisationTests<PostgresApp>(app);
