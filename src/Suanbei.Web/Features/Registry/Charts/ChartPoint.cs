namespace Suanbei.Web.Features.Registry.Charts;

/// <summary>One labelled number of a chart.</summary>
public sealed record ChartPoint(string Label, double Value);
