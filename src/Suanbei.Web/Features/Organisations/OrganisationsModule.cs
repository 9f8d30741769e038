using Microsoft.AspNetCore.Authentication;
using Suanbei.Core;
using Suanbei.Core.Organisations;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// Organisations: the claims transformation that scopes every request, the viewers' read-only filter on pages and on
/// the whole /api/v1 group, /api/v1/organisations (what the token's account may act for; choose one with the
/// <c>X-Suanbei-Organisation</c> header) and an organisation's pending invitations (list, withdraw).
/// </summary>
public sealed class OrganisationsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<OrganisationService>();
        services.AddSingleton<MembershipCache>();
        services.AddSingleton(sp => PostgresChannel.Of(MembershipCache.Channel, sp.GetRequiredService<MembershipCache>()));
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

        var invitations = api.MapGroup("/organisations/{id}/invitations").WithTags("机构").RequireAuthorization(Policies.Filer);
        invitations.MapGet("/", async (string id, HttpContext http, OrganisationService orgs, CancellationToken ct) =>
        {
            if (await orgs.OfMemberAsync(id, http.User.UserId(), ct) is not { } org) return Results.NotFound();
            if (!MayManage(org, http)) return OnlyOwners();
            return Results.Ok((await orgs.PendingInvitationsAsync(org.Id, ct)).Select(InvitationResponse.Of).ToList());
        }).WithSummary("待接受的邀请（仅管理成员）").Produces<List<InvitationResponse>>();
        invitations.MapDelete("/{invitationId:guid}", async (string id, Guid invitationId, HttpContext http, OrganisationService orgs,
            CancellationToken ct) =>
        {
            if (await orgs.OfMemberAsync(id, http.User.UserId(), ct) is not { } org) return Results.NotFound();
            if (!MayManage(org, http)) return OnlyOwners();
            return await orgs.WithdrawInvitationAsync(org, http.User.UserId(), invitationId, ct) ? Results.NoContent() : Results.NotFound();
        }).WithSummary("撤回一项尚未接受的邀请（仅管理成员）；已接受或已撤回的答复 409");
    }

    private static bool MayManage(Organisation org, HttpContext http) =>
        org.MemberOf(http.User.UserId()) is { } m && MemberRoles.MayManage(m.Role);

    private static IResult OnlyOwners() => Results.Problem(statusCode: 403, title: "只有管理成员可以管理邀请。");
}
