using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Operations;

/// <summary>
/// Two app nodes on one PostgreSQL database and one materials folder, keys in the database, behind a real nginx
/// (round robin): a filer signs in and creates a filing through pages whose antiforgery token comes from one node and
/// whose post goes to the other, the filing is filled, submitted, reviewed and published while one node is stopped
/// mid-way, and nothing is lost: every request succeeds, the material is served by the remaining node, the public
/// registry finds the entry, and the remaining node takes the lead of the background work.
/// </summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task A_filing_runs_across_two_nodes_behind_nginx_and_loses_nothing_when_one_stops()
    {
        await using var nodes = await TwoNodes.StartAsync("nodes");
        var (a, b) = (nodes.A, nodes.B);
        using var nginx = new Nginx([a.BaseAddress, b.BaseAddress]);
        var filer = await ApprovedFilerAsync(a); // its material is written by node a into the shared folder
        var reviewer = await a.CreateUserAsync(Roles.Reviewer);
        var secondReviewer = await a.CreateUserAsync(Roles.Reviewer); // 二审 by another reviewer (review duties)
        var upstreams = new HashSet<string>(StringComparer.Ordinal);
        HttpClient Through(string? bearer = null)
        {
            var c = new HttpClient(new Recorder(upstreams, new HttpClientHandler
            {
                CookieContainer = new CookieContainer(), AllowAutoRedirect = false,
            }))
            { BaseAddress = nginx.BaseAddress };
            if (bearer is not null) c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return c;
        }

        // Sign in and create the filing through pages: GET from one node, POST to the other (shared keys).
        var browser = Through();
        var login = await browser.PostFormAsync("/account/login",
            new() { ["Input.Email"] = filer.User.Email!, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/filings")).StatusCode);
        Assert.Equal(2, upstreams.Count); // both nodes answered, and both read the cookie
        var created = await browser.PostFormAsync("/filings", new(), url: "/filings?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.ToString().Split('/', '?').First(s => Guid.TryParse(s, out _)));

        var filerApi = Through(await TokenAsync(a, filer.User));
        var reviewerApi = Through(await TokenAsync(a, reviewer));
        var secondReviewerApi = Through(await TokenAsync(a, secondReviewer));
        await Ok(await filerApi.PutAsJsonAsync($"/api/v1/filings/{id}/basic", Basic(filer), Json));
        await Ok(await filerApi.PutAsJsonAsync($"/api/v1/filings/{id}/details", Details(filer), Json));

        // Node a goes away mid-way; nginx sends everything to node b from now on.
        await nodes.StopAsync(a);
        await Ok(await filerApi.PutAsJsonAsync($"/api/v1/filings/{id}/products", Products(filer), Json));
        await Ok(await filerApi.PostAsync($"/api/v1/filings/{id}/submit", null));
        await Ok(await reviewerApi.PostAsync($"/api/v1/review/filings/{id}/start-first-review", null));
        await Ok(await reviewerApi.PostAsJsonAsync($"/api/v1/review/filings/{id}/pass-first-review", new { reason = "一审通过" }));
        var published = await Ok(await secondReviewerApi.PostAsync($"/api/v1/review/filings/{id}/publish", null));
        Assert.Equal("Publicity", published.GetProperty("status").GetString());
        var number = published.GetProperty("filingNumber").GetString()!;

        // The material node a wrote is served by node b; the cookie still works; the registry finds the entry.
        var material = await browser.GetAsync($"/materials/{filer.MaterialId}");
        Assert.Equal(HttpStatusCode.OK, material.StatusCode);
        Assert.Equal(Pdf, await material.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/filings/{id}")).StatusCode);
        var entry = await Ok(await Through().GetAsync("/api/v1/public/filings/" + Uri.EscapeDataString(number)));
        Assert.Equal(number, entry.GetProperty("number").GetString());
        var search = await Through().GetStringAsync("/registry?q=" + Uri.EscapeDataString("测试文本生成算法"));
        Assert.Contains(number, search);
        var trail = await Ok(await filerApi.GetAsync($"/api/v1/filings/{id}"));
        Assert.Equal("Publicity", trail.GetProperty("status").GetString());

        // The lead of the background work passes to node b once node a's connection is gone.
        Assert.True(await b.App.Services.GetRequiredService<ILeadership>().EnsureLeadingAsync(CancellationToken.None));
    }

    private static async Task<string> TokenAsync(TestApp node, Suanbei.Web.Data.AppUser user) =>
        (await node.WithDb(db => ApiToken.CreateAsync(db, user.Id, "nodes", DateTimeOffset.UtcNow))).Item2;

    /// <summary>Notes which node (nginx's X-Upstream) answered each request.</summary>
    private sealed class Recorder(HashSet<string> upstreams, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("X-Upstream", out var v)) lock (upstreams) upstreams.Add(v.First());
            return response;
        }
    }
}
