using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Registry;
using Suanbei.Registry.Store;
using Suanbei.Web.Features.Registry.Charts;

namespace Suanbei.Web.Features.Registry;

/// <summary>Registry statistics as server-side SVG charts, each followed by its numbers as a table.</summary>
public sealed class StatsModel(IRegistryStore store) : PageModel
{
    public RegistryStatistics Stats { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Stats = await store.StatisticsAsync(20, ct);

    public static IReadOnlyList<ChartPoint> Points(IEnumerable<StatCount> counts) =>
        counts.Select(c => new ChartPoint(c.Label, c.Count)).ToList();
}
