using Microsoft.Extensions.DependencyInjection.Extensions;
using Suanbei.Core.Calendar;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Subjects;

public sealed class SubjectsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddScoped<SubjectService>();
        services.TryAddSingleton(WorkingCalendar.Official); // the official calendars (Suanbei.Core/Data/calendar)
    }

    public void MapApi(RouteGroupBuilder api) => SubjectEndpoints.Map(api);
}
