using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Web.Features.Admin;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Admin;

public abstract class ReviewerProvinceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task An_administrator_scopes_a_reviewer_to_provinces()
    {
        var (_, admin) = await app.SignedInAsync(Roles.Admin);
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        Task<bool> MayReview(string province) =>
            app.WithServices(sp => sp.GetRequiredService<ReviewerScopes>().MayReviewAsync(reviewer.Id, province));
        Assert.True(await MayReview("浙江省")); // not scoped: nationwide

        var bad = await admin.PostFormAsync("/admin/users", new() { ["userId"] = reviewer.Id, ["provinces"] = "北京、火星" },
            url: "/admin/users?handler=Provinces");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("「审核省份」中的“火星”不是省级行政区。", await bad.Content.ReadAsStringAsync());
        Assert.True(await MayReview("浙江省")); // nothing saved

        var saved = await admin.PostFormAsync("/admin/users", new() { ["userId"] = reviewer.Id, ["provinces"] = "北京, 33" },
            url: "/admin/users?handler=Provinces");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await MayReview("浙江"));
        Assert.True(await MayReview("110108"));
        Assert.False(await MayReview("上海市"));
        Assert.Contains("北京市、浙江省", await admin.GetStringAsync("/admin/users"));

        var filer = await app.CreateUserAsync(Roles.Filer);
        var notReviewer = await admin.PostFormAsync("/admin/users", new() { ["userId"] = filer.Id, ["provinces"] = "北京" },
            url: "/admin/users?handler=Provinces");
        Assert.Equal(HttpStatusCode.NotFound, notReviewer.StatusCode);
    }
}

public sealed class ReviewerProvinceTestsSqlite(SqliteApp app) : ReviewerProvinceTests<SqliteApp>(app);
public sealed class ReviewerProvinceTestsPostgres(PostgresApp app) : ReviewerProvinceTests<PostgresApp>(app);
