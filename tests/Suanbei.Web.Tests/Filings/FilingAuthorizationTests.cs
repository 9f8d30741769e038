using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings;

/// <summary>A second filer can neither list, read nor change the first filer's filings — through the API or the pages.</summary>
public abstract class FilingAuthorizationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Another_filer_cannot_list_read_or_change_a_filing_through_the_api()
    {
        var owner = await ApprovedFilerAsync(app);
        var ownerApi = await app.ApiClientAsync(owner.User);
        var id = await CompleteFilingViaApiAsync(ownerApi, owner, "甲的算法");
        var other = await ApprovedFilerAsync(app, "440305", "乙公司");
        var otherApi = await app.ApiClientAsync(other.User);

        var list = await Ok(await otherApi.GetAsync("/api/v1/filings"));
        Assert.DoesNotContain(list.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/filings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/filings/{id}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PutAsJsonAsync($"/api/v1/filings/{id}/basic", Basic(other, "篡改"), Json))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PutAsJsonAsync($"/api/v1/filings/{id}/details", Details(other), Json))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PutAsJsonAsync($"/api/v1/filings/{id}/products", Products(other), Json))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsync($"/api/v1/filings/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsJsonAsync(
            $"/api/v1/filings/{id}/cancel", new { eventDate = "2026-11-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsJsonAsync(
            $"/api/v1/filings/{id}/change", new { eventDate = "2026-11-02" })).StatusCode);
        // Filers have no reviewer endpoints; anonymous callers get nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherApi.GetAsync("/api/v1/review/filings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherApi.GetAsync($"/api/v1/review/filings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/v1/filings")).StatusCode);

        // Linking someone else's product or material is refused, and nothing changes.
        var otherId = await CompleteFilingViaApiAsync(otherApi, other, "乙的算法");
        var foreignProduct = await otherApi.PutAsJsonAsync($"/api/v1/filings/{otherId}/products", Products(owner), Json);
        Assert.Equal(HttpStatusCode.Conflict, foreignProduct.StatusCode);
        var foreignMaterial = await otherApi.PutAsJsonAsync($"/api/v1/filings/{otherId}/basic", Basic(owner, "乙的算法"), Json);
        Assert.Equal(HttpStatusCode.Conflict, foreignMaterial.StatusCode);
        var after = await Ok(await otherApi.GetAsync($"/api/v1/filings/{otherId}"));
        Assert.Equal(other.ProductId, after.GetProperty("linkedProducts")[0].GetProperty("productId").GetGuid());
        Assert.Equal(other.MaterialId, after.GetProperty("selfAssessmentReportId").GetGuid());

        // The owner's filing is untouched.
        var mine = await Ok(await ownerApi.GetAsync($"/api/v1/filings/{id}"));
        Assert.Equal("甲的算法", mine.GetProperty("name").GetString());
        Assert.Equal("Draft", mine.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_filer_cannot_list_read_or_change_a_filing_through_the_pages()
    {
        var owner = await ApprovedFilerAsync(app);
        var ownerApi = await app.ApiClientAsync(owner.User);
        var id = await CompleteFilingViaApiAsync(ownerApi, owner, "甲的页面算法");
        var other = await ApprovedFilerAsync(app, "440305", "乙公司");
        var browser = await app.SignInAsync(other.User.Email!);

        var list = WebUtility.HtmlDecode(await browser.GetStringAsync("/Filings"));
        Assert.DoesNotContain("甲的页面算法", list);
        Assert.DoesNotContain(id.ToString(), list);
        foreach (var page in new[] { $"/Filings/{id}", $"/Filings/{id}/Basic", $"/Filings/{id}/Details", $"/Filings/{id}/Products",
            $"/Filings/{id}/Confirm" })
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(page)).StatusCode);

        // A forged POST with a valid antiforgery token (taken from the attacker's own page) is still refused.
        var ownId = await CompleteFilingViaApiAsync(await app.ApiClientAsync(other.User), other, "乙自己的");
        var post = await browser.PostFormAsync($"/Filings/{ownId}/Basic", new() { ["Input.Name"] = "篡改" }, url: $"/Filings/{id}/Basic");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var submit = await browser.PostFormAsync($"/Filings/{ownId}/Confirm", new(), url: $"/Filings/{id}/Confirm");
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        // Filers cannot open the reviewer console.
        var review = await browser.GetAsync($"/Review/Filings/{id}");
        Assert.NotEqual(HttpStatusCode.OK, review.StatusCode);

        var mine = await Ok(await ownerApi.GetAsync($"/api/v1/filings/{id}"));
        Assert.Equal("甲的页面算法", mine.GetProperty("name").GetString());
        Assert.Equal("Draft", mine.GetProperty("status").GetString());
    }
}

public sealed class FilingAuthorizationTestsSqlite(SqliteApp app) : FilingAuthorizationTests<SqliteApp>(app);
public sealed class FilingAuthorizationTestsPostgres(PostgresApp app) : FilingAuthorizationTests<PostgresApp>(app);
