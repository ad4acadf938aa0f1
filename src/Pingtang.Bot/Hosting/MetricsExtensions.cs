using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using Pingtang.Bot.Broadcasts;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Outbox;
using Pingtang.Bot.Scheduling;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// The service's measurements — turns, the outbox, broadcasts, the handoff queue, errors — with ASP.NET Core's and the
/// runtime's, for Prometheus at <c>/metrics</c>, which only this machine and <c>Metrics:AllowedNetworks</c> may read.
/// Each concern keeps its instruments in a class of its own beside the code that records them.
/// </summary>
public static class MetricsExtensions
{
    /// <summary>The meter every instrument of the service is on; Prometheus names start <c>pingtang_</c>.</summary>
    public const string MeterName = "Pingtang.Bot";

    public const string Path = "/metrics";

    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TurnMetrics>();
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddSingleton<BroadcastMetrics>();
        builder.Services.AddSingleton<HandoffMetrics>();
        builder.Services.AddSingleton<JobMetrics>();
        builder.Services.AddSingleton(sp => MetricsAccess.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics
                .AddMeter(MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                // Each scrape collects afresh: the readings of the database cache themselves (DatabaseReading).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            // The hosting builder is deferred: the view needs the host's meter factory, known once services are built.
            ((IDeferredMeterProviderBuilder)metrics).Configure((services, provider) => provider.AddView(OfThisHost(services.GetRequiredService<IMeterFactory>())));
        });
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, ScrapeFirst>());
        return builder;
    }

    /// <summary>
    /// Outermost, as the probes are: Prometheus scrapes each instance at its own address, which <c>AllowedHosts</c>
    /// rightly refuses for everything else. The gauges are made here, with the pipeline; the counters' classes by the
    /// code that records.
    /// </summary>
    private sealed class ScrapeFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            _ = app.ApplicationServices.GetRequiredService<OutboxMetrics>();
            _ = app.ApplicationServices.GetRequiredService<BroadcastMetrics>();
            _ = app.ApplicationServices.GetRequiredService<HandoffMetrics>();
            var access = app.ApplicationServices.GetRequiredService<MetricsAccess>();
            app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null, predicate: null, path: Path, configureBranchedPipeline: branch => branch.Use((http, nextInBranch) =>
            {
                if (access.Allows(http))
                {
                    return nextInBranch(http);
                }

                // Not found rather than forbidden: to anyone else there is nothing here.
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }), optionsName: null);
            next(app);
        };
    }

    /// <summary>
    /// Meters are found by name across the process, but each host's factory makes its own: where several hosts share a
    /// process (the tests), each shows only its own instruments, not every host's under one name.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OfThisHost(IMeterFactory meters) =>
        instrument => instrument.Meter.Scope is IMeterFactory other && !ReferenceEquals(other, meters) ? MetricStreamConfiguration.Drop : null;

    /// <summary>The service's meter, from the host's factory, which keeps one per name and disposes it with the host.</summary>
    internal static Meter PingtangMeter(this IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        return meters.Create(MeterName);
    }
}
