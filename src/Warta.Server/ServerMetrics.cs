using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Warta.Server;

/// <summary>
/// The server's instruments on a <see cref="Meter"/> named <c>Warta.Server</c> (so any OpenTelemetry pipeline can
/// collect them), plus a <see cref="MeterListener"/> that renders them at <c>/metrics</c> in Prometheus text format:
/// the OpenTelemetry Prometheus exporter exists only as a prerelease package.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "Warta.Server";

    private readonly Meter _meter = new(MeterName);
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public ServerMetrics()
    {
        Requests = _meter.CreateCounter<long>("warta_http_requests", description: "HTTP requests served");
        Ingested = _meter.CreateCounter<long>("warta_articles_ingested", description: "Articles added through the API");
        Searches = _meter.CreateCounter<long>("warta_searches", description: "Searches run");
        SearchMilliseconds = _meter.CreateHistogram<double>("warta_search_duration_ms", "ms", "Search time");
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.Start();
    }

    public Counter<long> Requests { get; }

    public Counter<long> Ingested { get; }

    public Counter<long> Searches { get; }

    public Histogram<double> SearchMilliseconds { get; }

    /// <summary>Each instrument as a total (counters) or a <c>_sum</c>/<c>_count</c> pair (histograms).</summary>
    public string RenderPrometheus(long articles)
    {
        var text = new StringBuilder();
        text.Append("# TYPE warta_articles gauge\nwarta_articles ").Append(articles.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var name in _sums.Keys.Order(StringComparer.Ordinal))
        {
            var sum = _sums[name].ToString("R", CultureInfo.InvariantCulture);
            var count = _counts.GetValueOrDefault(name).ToString(CultureInfo.InvariantCulture);
            if (name.EndsWith("_ms", StringComparison.Ordinal))
            {
                text.Append("# TYPE ").Append(name).Append(" summary\n");
                text.Append(name).Append("_sum ").Append(sum).Append('\n');
                text.Append(name).Append("_count ").Append(count).Append('\n');
            }
            else
            {
                text.Append("# TYPE ").Append(name).Append("_total counter\n");
                text.Append(name).Append("_total ").Append(sum).Append('\n');
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meter.Dispose();
    }

    private void Record(string name, double value)
    {
        _sums.AddOrUpdate(name, value, (_, old) => old + value);
        _counts.AddOrUpdate(name, 1, (_, old) => old + 1);
    }
}
