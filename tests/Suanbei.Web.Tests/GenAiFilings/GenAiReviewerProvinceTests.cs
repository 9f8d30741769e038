using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Features.Admin;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.GenAiFilings;

/// <summary>
/// The provincial level of the generative-AI filing is its own province's: reviewers scoped elsewhere are refused.
/// </summary>
public abstract class GenAiReviewerProvinceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<(HttpClient Api, HttpClient Pages)> ReviewerAsync(string provinces)
    {
        var (user, pages) = await app.SignedInAsync(Roles.Reviewer);
        if (provinces.Length > 0)
            Assert.Null(await app.WithServices(sp => sp.GetRequiredService<ReviewerScopes>().SetAsync(user.Id, provinces)));
        return (await app.ApiClientAsync(user), pages);
    }

    private static async Task<bool> InProvincialQueueAsync(HttpClient reviewer, Guid id) =>
        (await Ok(await reviewer.GetAsync("/api/v1/review/genai-filings?level=Provincial")))
        .EnumerateArray().Any(e => e.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task A_reviewer_scoped_to_another_province_cannot_act_at_the_provincial_level()
    {
        var filer = await ApprovedFilerAsync(app, "110108", "北京属地测试有限公司");
        var api = await app.ApiClientAsync(filer.User);
        var id = await GenAiFilingApiTests<TApp>.CompleteDraftAsync(api, filer, "Own", "属地范围模型");
        await Ok(await api.PostAsync($"/api/v1/genai-filings/{id}/submit", null));
        var (shanghai, shanghaiPages) = await ReviewerAsync("上海");
        var (beijing, beijingPages) = await ReviewerAsync("北京");
        var (nationwide, _) = await ReviewerAsync("");

        Assert.False(await InProvincialQueueAsync(shanghai, id));
        Assert.DoesNotContain($"/review/genai-filings/{id}", await shanghaiPages.GetStringAsync("/review/genai-filings?level=Provincial"));
        var refused = await shanghai.PostAsync($"/api/v1/review/genai-filings/{id}/start-provincial-review", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("不包括北京市", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var page = await shanghaiPages.PostFormAsync($"/review/genai-filings/{id}",
            new() { ["action"] = nameof(GenerativeAiAction.StartProvincialReview) });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("不包括北京市", await page.Content.ReadAsStringAsync());
        Assert.Equal("Submitted", (await Ok(await api.GetAsync($"/api/v1/genai-filings/{id}"))).GetProperty("status").GetString());

        // The page shows the out-of-scope reviewer why there are no provincial buttons; the province's reviewer has them.
        var outside = await shanghaiPages.GetStringAsync($"/review/genai-filings/{id}");
        Assert.DoesNotContain("data-testid=\"genai-start-provincial\"", outside);
        Assert.Contains("本件属北京市网信办初审", outside);
        var inside = await beijingPages.GetStringAsync($"/review/genai-filings/{id}");
        Assert.Contains("data-testid=\"genai-start-provincial\"", inside);
        Assert.DoesNotContain("网信办初审，您的审核范围", inside);

        Assert.True(await InProvincialQueueAsync(beijing, id));
        Assert.True(await InProvincialQueueAsync(nationwide, id));
        await Ok(await beijing.PostAsync($"/api/v1/review/genai-filings/{id}/start-provincial-review", null));
        var refuse = await shanghai.PostAsJsonAsync($"/api/v1/review/genai-filings/{id}/refuse", new { reason = "不合规" }, Json);
        Assert.Equal(HttpStatusCode.Conflict, refuse.StatusCode);
        await Ok(await nationwide.PostAsync($"/api/v1/review/genai-filings/{id}/pass-provincial-review", null));
        Assert.Equal("NationalReview", (await Ok(await api.GetAsync($"/api/v1/genai-filings/{id}"))).GetProperty("status").GetString());
    }
}

public sealed class GenAiReviewerProvinceTestsSqlite(SqliteApp app) : GenAiReviewerProvinceTests<SqliteApp>(app);
public sealed class GenAiReviewerProvinceTestsPostgres(PostgresApp app) : GenAiReviewerProvinceTests<PostgresApp>(app);
