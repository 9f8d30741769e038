using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.GenAiNumbers;

/// <summary>Generative-AI numbers: the allocator, and the feed that publishes approved services to the registry.</summary>
public sealed class GenAiNumbersModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        // Singleton: each issue opens a scope (and a DbContext) of its own, so concurrent issues never share one.
        services.AddSingleton<GenerativeAiNumberAllocator>();
    }
}
