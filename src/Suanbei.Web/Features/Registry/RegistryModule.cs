using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
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
        // A publication drops the similarity index at once (its own check sees only counts and change times).
        services.AddScoped<IRegistrySink>(sp =>
            new RegistryPublisher(sp.GetRequiredService<IRegistryStore>(), sp.GetRequiredService<RegistrySimilarity>().Invalidate));
        RegistryExportLimits.AddRateLimit(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => RegistryEndpoints.Map(app);
}
