using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Export;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Registry;

/// <summary>Registers the registry services; the public endpoints are in <see cref="RegistryEndpoints"/>.</summary>
public sealed class RegistryModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddScoped<RegistryStore>();
        services.AddScoped<IRegistryStore>(sp => sp.GetRequiredService<RegistryStore>());
        services.AddSingleton<RegistrySimilarity>();
        services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            var index = RegistrySearchIndex.For(scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>());
            return new PostgresChannel(RegistrySearchIndex.Channel, _ => index.Changed(), index.SetListening);
        });
        // A publication drops the similarity index at once (its own check sees only counts and change times).
        services.AddScoped<IRegistrySink>(sp =>
            new RegistryPublisher(sp.GetRequiredService<IRegistryStore>(), sp.GetRequiredService<RegistrySimilarity>().Invalidate));
        RegistryExportLimits.AddRateLimit(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => RegistryEndpoints.Map(app);

    /// <summary>
    /// Loads the search index before the node takes requests (after the shipped lists are seeded: modules initialise
    /// in name order), so the first searches after a (re)start do not queue behind the load. Searches keep it current
    /// through the registry version (read per search, or on PostgreSQL only after a change notification).
    /// </summary>
    public void Initialize(IServiceProvider services, SuanbeiHostOptions options)
    {
        var db = services.GetRequiredService<SuanbeiDbContext>();
        RegistrySearchIndex.For(db).CurrentAsync(db).GetAwaiter().GetResult();
    }
}
