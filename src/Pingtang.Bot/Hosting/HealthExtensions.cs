using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pingtang.Bot.Scheduling;
using Pingtang.Domain;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// For a load balancer or an orchestrator: <c>/healthz</c> says the process answers (no database asked), and
/// <c>/readyz</c> that the database and, where this instance schedules jobs, Hangfire's storage answer — 503 with
/// the names of the checks that did not, and nothing more (no connection string, no exception text).
/// </summary>
public static class HealthExtensions
{
    public const string AlivePath = "/healthz";

    public const string ReadyPath = "/readyz";

    private const string ReadyTag = "ready";

    /// <summary>A database that does not answer within this is as good as down to a probe, which waits little longer.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<SchedulingHealthCheck>("scheduling", tags: [ReadyTag], timeout: CheckTimeout);

        // Outermost, ahead of the framework's host filtering: a probe comes to an instance's own address, which
        // AllowedHosts rightly refuses for everything else.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, ProbesFirst>());
        return builder;
    }

    private sealed class ProbesFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseHealthChecks(AlivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
            app.UseHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
            next(app);
        };
    }

    /// <summary>"ok", or one line per check that failed: its name and that it failed.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: failed").ToList();
        return http.Response.WriteAsync(failed.Count == 0 ? "ok" : string.Join('\n', failed), http.RequestAborted);
    }

    /// <summary>A query, not only a connection: SQLite "connects" to a file it cannot read.</summary>
    private sealed class DatabaseHealthCheck(PingtangDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").ToListAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
    }
}
