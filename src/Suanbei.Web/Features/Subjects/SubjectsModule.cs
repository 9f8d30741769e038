using Microsoft.Extensions.DependencyInjection.Extensions;
using Suanbei.Core.Calendar;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Subjects;

public sealed class SubjectModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddScoped<SubjectHandlers>();
        services.TryAddSingleton(WorkingCalendar.Official); // the official calendars (Suanbei.Core/Data/calendar)
    }

    public void MapApi(RouteGroupBuilder api) => SubjectApi.Map(api);
}
