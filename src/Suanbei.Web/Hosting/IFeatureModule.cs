namespace Suanbei.Web.Hosting;

/// <summary>
/// A feature slice's registration: services and /api/v1 endpoints. Every non-abstract class implementing this in
/// Suanbei.Web (with a parameterless constructor) is found by <see cref="SuanbeiWebHost"/> — adding a feature never
/// edits the host. Pages need no registration (Razor Pages under Features/ are discovered).
/// </summary>
public interface IFeatureModule
{
    void AddServices(IServiceCollection services, SuanbeiHostOptions options) { }

    /// <summary>Map endpoints on the /api/v1 group; it already requires a bearer API token and turns
    /// DomainException into a 409 problem detail. Add .RequireAuthorization(Policies.Reviewer) etc. for roles.</summary>
    void MapApi(RouteGroupBuilder api) { }

    /// <summary>Map endpoints outside /api/v1 (public pages that are not Razor Pages, downloads…).</summary>
    void MapEndpoints(IEndpointRouteBuilder app) { }

    /// <summary>Runs once at startup, after the migrations, in a scope (seed data the feature needs).</summary>
    void Initialize(IServiceProvider services, SuanbeiHostOptions options) { }
}
