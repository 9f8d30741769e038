using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Subjects;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests;

/// <summary>A second filer can neither list, read, change nor download the first filer's subject, products or materials — via pages or
/// API.</summary>
public abstract class AuthorizationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Second_filer_cannot_reach_the_first_filers_data()
    {
        var (first, firstPages) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.Redirect, (await Flows.SubmitCompleteSubjectAsync(firstPages)).StatusCode);
        var firstApi = await app.ApiClientAsync(first);
        var product = await (await firstApi.PostAsJsonAsync(
            "/api/v1/products", new { name = "第一家的产品", form = "App", icpNumber = "京ICP备12345678号-1" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var productId = product.GetProperty("id").GetGuid();
        var withFunction = await (await firstApi.PostAsJsonAsync(
            $"/api/v1/products/{productId}/functions", new { name = "智能推荐", description = "根据用户兴趣推荐内容" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var functionId = withFunction.GetProperty("functions")[0].GetProperty("id").GetGuid();
        var materialIds = await app.WithDb(db => db.Set<Material>().Where(m => m.OwnerId == first.Id).Select(m => m.Id).ToListAsync());
        Assert.Equal(7, materialIds.Count);

        var (second, secondPages) = await app.SignedInAsync(Roles.Filer);
        var secondApi = await app.ApiClientAsync(second);

        // subject: the second filer only ever sees its own (none yet)
        Assert.Equal(HttpStatusCode.NotFound, (await secondApi.GetAsync("/api/v1/subject")).StatusCode);
        var secondSubjectPage = await secondPages.GetStringAsync("/Subjects");
        Assert.DoesNotContain("北京示例科技有限公司", secondSubjectPage);
        // review pages and API are closed to filers
        Assert.NotEqual(HttpStatusCode.OK, (await secondPages.GetAsync("/Review/Subjects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secondApi.GetAsync("/api/v1/review/subjects")).StatusCode);

        // materials: not downloadable, not listed, not attachable to one's own subject
        foreach (var id in materialIds)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await secondApi.GetAsync($"/api/v1/materials/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await secondPages.GetAsync($"/Materials/{id}")).StatusCode);
        }
        Assert.Equal(0, (await secondApi.GetFromJsonAsync<JsonElement>("/api/v1/materials")).GetArrayLength());
        var steal = await secondApi.PutAsJsonAsync("/api/v1/subject", new { name = "第二家", businessLicenceScanId = materialIds[0] });
        Assert.Equal(HttpStatusCode.BadRequest, steal.StatusCode);
        Assert.Equal("材料不存在或不属于本机构", JsonDocument.Parse(await steal.Content.ReadAsStringAsync()).RootElement
            .GetProperty("errors").GetProperty("businessLicenceScanId")[0].GetString());

        // products: not listed, not readable, not changeable (API and pages)
        Assert.Equal(0, (await secondApi.GetFromJsonAsync<JsonElement>("/api/v1/products")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await secondApi.GetAsync($"/api/v1/products/{productId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondApi.PutAsJsonAsync($"/api/v1/products/{productId}", new { name = "改掉" }))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondApi.PostAsJsonAsync(
            $"/api/v1/products/{productId}/functions", new { name = "x", description = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondApi.PutAsJsonAsync(
            $"/api/v1/products/{productId}/functions/{functionId}", new { name = "x", description = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondApi.DeleteAsync($"/api/v1/products/{productId}/functions/{functionId}"))
            .StatusCode);
        Assert.DoesNotContain("第一家的产品", await secondPages.GetStringAsync("/Products"));
        Assert.Equal(HttpStatusCode.NotFound, (await secondPages.GetAsync($"/Products/Edit?id={productId}")).StatusCode);
        await secondApi.PutAsJsonAsync("/api/v1/subject", new { name = "第二家" });
        var pagePost = await secondPages.PostFormAsync("/Products/Edit", new() { ["Input.Name"] = "改掉" },
            url: $"/Products/Edit?id={productId}&handler=Save");
        Assert.Equal(HttpStatusCode.NotFound, pagePost.StatusCode);
        var removePost = await secondPages.PostFormAsync(
            "/Products/Edit", new(), url: $"/Products/Edit?id={productId}&handler=RemoveFunction&functionId={functionId}");
        Assert.Equal(HttpStatusCode.NotFound, removePost.StatusCode);

        var still = await firstApi.GetFromJsonAsync<JsonElement>($"/api/v1/products/{productId}");
        Assert.Equal("第一家的产品", still.GetProperty("details").GetProperty("name").GetString());
        Assert.Equal(1, still.GetProperty("functions").GetArrayLength());
    }

    [Fact]
    public async Task Reviewers_read_materials_of_submitted_subjects_but_not_of_drafts()
    {
        var (filer, pages) = await app.SignedInAsync(Roles.Filer);
        var draft = await pages.PostMultipartAsync("/Subjects", new() { ["Input.Name"] = "草稿公司" },
            [("Upload.BusinessLicenceScanId", "营业执照.pdf", TestData.Pdf("draft"))], url: "/Subjects?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var materialId = await app.WithDb(db => db.Set<Material>().Where(m => m.OwnerId == filer.Id).Select(m => m.Id).SingleAsync());
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/v1/materials/{materialId}")).StatusCode);

        var subject = await app.WithDb(db => db.Set<Subject>().SingleAsync(s => s.OwnerId == filer.Id));
        var submitted = await pages.PostMultipartAsync("/Subjects", TestData.Form(TestData.CompleteDetails()),
            Flows.AllSubjectMaterials().Where(f => f.Field != "Upload.BusinessLicenceScanId"), url: "/Subjects?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/materials/{materialId}")).StatusCode);
        Assert.Equal(subject.Id, (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/review/subjects/{subject.Id}")).GetProperty("id")
            .GetGuid());
    }
}

public sealed class AuthorizationTestsSqlite(SqliteApp app) : AuthorizationTests<SqliteApp>(app);
public sealed class AuthorizationTestsPostgres(PostgresApp app) : AuthorizationTests<PostgresApp>(app);
