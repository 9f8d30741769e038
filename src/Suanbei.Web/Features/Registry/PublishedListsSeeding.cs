using Suanbei.Registry.Published;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Registry;

/// <summary>At startup, fills an empty registry with the shipped lists when <c>SeedPublishedLists</c> is on.</summary>
public sealed class PublishedListsSeeding : IFeatureModule
{
    public void Initialize(IServiceProvider services, SuanbeiHostOptions options)
    {
        if (!options.SeedPublishedLists) return;
        var db = services.GetRequiredService<SuanbeiDbContext>();
        if (PublishedLists.SeedIfEmptyAsync(new RegistryStore(db)).GetAwaiter().GetResult() is > 0 and var seeded)
        {
            var announce = options.Announce ?? Console.WriteLine;
            announce($"公示清单库为空：已导入随附的网信办公示清单，共 {seeded} 条。");
        }
    }
}
