using System.Security.Claims;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings.Deadlines;

/// <summary>
/// Deadlines: GET /api/v1/deadlines (the acting organisation's running clocks), POST /api/v1/deadlines/calendar-token
/// (a new feed URL of this member for this organisation, revoking the old), and the anonymous iCalendar feed
/// GET /calendar/{token}.ics.
/// </summary>
public sealed class DeadlinesModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options) => services.AddScoped<DeadlineService>();

    public static string FeedUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/calendar/{token}.ics";

    public void MapApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/deadlines").RequireAuthorization(Policies.Filer).WithTags("期限");
        g.MapGet("/", async (ClaimsPrincipal user, DeadlineService s, CancellationToken ct) =>
            await s.ClocksAsync(user.OrganisationId(), ct));
        g.MapPost("/calendar-token", async (ClaimsPrincipal user, DeadlineService s, HttpRequest request, CancellationToken ct) =>
            Results.Ok(new { url = FeedUrl(request, await s.IssueTokenAsync(user.UserId(), user.OrganisationId(), ct)) }));
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, DeadlineService s, HttpRequest request, CancellationToken ct) =>
        {
            if (await s.FindFeedAsync(token, ct) is not { } organisation) return Results.NotFound();
            var clocks = await s.ClocksAsync(organisation.Id, ct);
            var ics = IcsFeed.Write($"算备·{organisation.Name}·备案期限", clocks, s.Now, $"{request.Scheme}://{request.Host}");
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous().WithTags("期限");
    }
}
