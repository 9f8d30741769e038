using Suanbei.Core.GenerativeAi.Events;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.GenAiNumbers;

/// <summary>
/// Generative-AI numbers and public entries: the allocator, the feed that publishes approved, changed and cancelled
/// services to the registry, and the public pages /public/genai (the 备案 and 登记 tables) and /public/genai/{number}.
/// </summary>
public sealed class GenAiNumbersModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        // Singleton: each issue opens a scope (and a DbContext) of its own, so concurrent issues never share one.
        services.AddSingleton<GenerativeAiNumberAllocator>();
        services.AddScoped<IDomainEventHandler<GenerativeAiFilingApproved>, GenerativeAiRegistryFeed>();
        services.AddScoped<IDomainEventHandler<GenerativeAiFilingChanged>, GenerativeAiRegistryFeed>();
        services.AddScoped<IDomainEventHandler<GenerativeAiFilingCancelled>, GenerativeAiRegistryFeed>();
    }
}
