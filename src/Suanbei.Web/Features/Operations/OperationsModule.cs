using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Operations;

/// <summary>Health, readiness, metrics, the leader of the background work and the guard on outbound addresses.</summary>
public sealed class OperationsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        if (options.UsesPostgres)
        {
            services.AddSingleton(sp => new PostgresLeadership(options.PostgresConnectionString!,
                sp.GetRequiredService<ILogger<PostgresLeadership>>()));
            services.AddSingleton<ILeadership>(sp => sp.GetRequiredService<PostgresLeadership>());
        }
        else services.AddSingleton<ILeadership, SingleNodeLeadership>();
        services.AddHostedService<LeadershipMonitor>();
        services.AddSingleton<OperationsMetrics>();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<OutboundAddressGuard>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => OperationsEndpoints.Map(app);

    /// <summary>The exporter listens from the start, so the first scrape already counts the requests before it.</summary>
    public void Initialize(IServiceProvider services, SuanbeiHostOptions options)
    {
        services.GetRequiredService<PrometheusExporter>();
        services.GetRequiredService<OperationsMetrics>();
    }
}
