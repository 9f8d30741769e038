using Microsoft.AspNetCore.Authentication;
using Suanbei.Core;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// Organisations: the claims transformation that scopes every request, the viewers' read-only filter on pages and on
/// the whole /api/v1 group, and /api/v1/organisations (what the token's account may act for; choose one with the
/// <c>X-Suanbei-Organisation</c> header).
/// </summary>
public sealed class OrganisationsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<OrganisationService>();
        services.AddScoped<InvitationMail>();
        services.AddScoped<OrganisationClaimsTransformation>();
        services.AddScoped<IClaimsTransformation>(sp => sp.GetRequiredService<OrganisationClaimsTransformation>());
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new ReadOnlyMembers.PageFilter()));
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.AddEndpointFilter(ReadOnlyMembers.EndpointFilter);
        api.MapGet("/organisations", async (HttpContext http, OrganisationClaimsTransformation orgs) =>
        {
            var (choices, acting) = await orgs.ResolveAsync(http.User.UserId(), http.User.Identity?.Name);
            return Results.Ok(choices.Select(c => new OrganisationResponse(c.Id, c.Organisation.Name, DisplayNames.Of(c.Organisation.Kind),
                DisplayNames.Of(c.Role), c.Via?.Name, c.Id == acting?.Id)).ToList());
        }).WithTags("机构").WithSummary("本账号可代表的机构（当前机构 current=true）").RequireAuthorization(Policies.Filer)
            .Produces<List<OrganisationResponse>>();
    }
}
