using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Subjects;

public sealed class SubjectModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddScoped<SubjectHandlers>();
        services.AddSingleton<SubjectChangeDeadline>();
    }

    public void MapApi(RouteGroupBuilder api) => SubjectApi.Map(api);
}
