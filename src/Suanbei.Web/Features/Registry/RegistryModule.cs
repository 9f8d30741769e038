using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Registry;

/// <summary>Registers the registry services; the public endpoints are in <see cref="RegistryEndpoints"/>.</summary>
public sealed class RegistryModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddScoped<RegistryStore>();
        services.AddScoped<IRegistrySink, RegistryPublisher>();
        services.AddSingleton<RegistrySimilarity>();
        Export.RegistryExportLimits.AddRateLimit(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => RegistryEndpoints.Map(app);
}
