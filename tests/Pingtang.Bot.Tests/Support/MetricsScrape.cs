using System.Globalization;

namespace Pingtang.Bot.Tests.Support;

/// <summary>A scrape of the host's /metrics in Prometheus' text format, read as Prometheus reads it: a series by its name and labels.</summary>
public sealed record MetricsScrape(IReadOnlyList<string> Lines)
{
    public static Task<MetricsScrape> OfAsync(PingtangFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return OfAsync(factory.CreateClient(), new Uri("/metrics", UriKind.Relative));
    }

    /// <summary>A scrape of <paramref name="metrics"/> through <paramref name="http"/>: a service in a process of its own.</summary>
    public static async Task<MetricsScrape> OfAsync(HttpClient http, Uri metrics)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = await http.GetAsync(metrics);
        response.EnsureSuccessStatusCode();
        return new MetricsScrape((await response.Content.ReadAsStringAsync()).Split('\n'));
    }

    /// <summary>The value of the one series named <paramref name="name"/> with these labels (among others); 0 when absent, as a counter not yet moved.</summary>
    public double Value(string name, params (string Label, string Value)[] labels)
    {
        var matching = Series(name, labels).ToList();
        Assert.True(matching.Count <= 1, $"Several series match {name}: {string.Join('\n', matching)}");
        return matching.Count == 0 ? 0 : double.Parse(matching[0].Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>The lines of the series named <paramref name="name"/> with these labels (among others).</summary>
    public IEnumerable<string> Series(string name, params (string Label, string Value)[] labels) =>
        Lines.Where(l => l.StartsWith($"{name}{{", StringComparison.Ordinal)
            && labels.All(label => l.Contains($"{label.Label}=\"{label.Value}\"", StringComparison.Ordinal)));
}
