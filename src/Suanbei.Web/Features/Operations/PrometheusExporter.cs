using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Suanbei.Web.Features.Operations;

/// <summary>
/// Collects this app's instruments — those of its own <see cref="IMeterFactory"/> (so two apps in one process never mix),
/// from the meters <see cref="OperationsMetrics.MeterName"/> and ASP.NET Core's <c>http.server.request.duration</c> —
/// and writes them in the Prometheus text format (version 0.0.4): counters as <c>_total</c>, histograms as
/// <c>_bucket</c>/<c>_sum</c>/<c>_count</c>, gauges as observed at the scrape. Dots become underscores, a unit of
/// seconds becomes the <c>_seconds</c> suffix. Small on purpose: no exporter package is served here in a stable version.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>Request-duration buckets in seconds (ASP.NET Core's advice for http.server.request.duration).</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), Series> _series = new();
    private readonly ConcurrentDictionary<string, (string Type, string Help)> _families = new(StringComparer.Ordinal);
    private readonly Lock _scrape = new();

    public PrometheusExporter(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter.Scope, meters)) return;
            if (instrument.Meter.Name == OperationsMetrics.MeterName
                || instrument is { Name: "http.server.request.duration", Meter.Name: "Microsoft.AspNetCore.Hosting" })
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var name = MetricName(instrument);
        var type = instrument switch
        {
            Histogram<double> or Histogram<long> => "histogram",
            ObservableGauge<long> or ObservableGauge<int> or ObservableGauge<double> => "gauge",
            _ => "counter",
        };
        _families.TryAdd(name, (type, instrument.Description ?? instrument.Name));
        var series = _series.GetOrAdd((name, Labels(tags)), _ => new Series(type));
        series.Add(value);
    }

    /// <summary>The text exposition of every series seen so far (gauges observed now).</summary>
    public string Scrape()
    {
        lock (_scrape)
        {
            foreach (var (key, s) in _series) if (s.Type == "gauge") _series.TryRemove(key, out _);
            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var (name, (type, help)) in _families.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace('\n', ' ')).Append('\n');
                text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
                foreach (var ((_, labels), s) in _series.Where(x => x.Key.Name == name).OrderBy(x => x.Key.Labels, StringComparer.Ordinal))
                    s.Write(text, name, labels);
            }
            return text.ToString();
        }
    }

    private static string MetricName(Instrument i)
    {
        var name = i.Name.Replace('.', '_').Replace('-', '_');
        if (i.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal)) name += "_seconds";
        return i is Counter<long> or Counter<double> or Counter<int> ? name + "_total" : name;
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>(tags.Length);
        foreach (var (k, v) in tags)
        {
            var value = Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
            // Razor Pages' templates have no leading slash ("organisations/{id}/members"), endpoints' do: one form for both.
            if (k == "http.route" && value.Length > 0 && value[0] != '/') value = "/" + value;
            pairs.Add($"{k.Replace('.', '_')}=\"{Escape(value)}\"");
        }
        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private static string Escape(string v) => v.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => _listener.Dispose();

    private sealed class Series(string type)
    {
        public string Type { get; } = type;
        private readonly Lock _gate = new();
        private readonly long[] _buckets = new long[Buckets.Length];
        private double _sum;
        private long _count;
        private double _last;

        public void Add(double value)
        {
            lock (_gate)
            {
                _sum += value;
                _count++;
                _last = value;
                if (Type != "histogram") return;
                for (var i = 0; i < Buckets.Length; i++) if (value <= Buckets[i]) _buckets[i]++;
            }
        }

        public void Write(StringBuilder text, string name, string labels)
        {
            lock (_gate)
            {
                var braces = labels.Length == 0 ? "" : "{" + labels + "}";
                switch (Type)
                {
                    case "gauge": text.Append(name).Append(braces).Append(' ').Append(Number(_last)).Append('\n'); break;
                    case "counter": text.Append(name).Append(braces).Append(' ').Append(Number(_sum)).Append('\n'); break;
                    default:
                        var sep = labels.Length == 0 ? "" : labels + ",";
                        for (var i = 0; i < Buckets.Length; i++)
                            text.Append(name).Append("_bucket{").Append(sep).Append("le=\"").Append(Number(Buckets[i])).Append("\"} ")
                                .Append(_buckets[i]).Append('\n');
                        text.Append(name).Append("_bucket{").Append(sep).Append("le=\"+Inf\"} ").Append(_count).Append('\n');
                        text.Append(name).Append("_sum").Append(braces).Append(' ').Append(Number(_sum)).Append('\n');
                        text.Append(name).Append("_count").Append(braces).Append(' ').Append(_count).Append('\n');
                        break;
                }
            }
        }
    }
}
