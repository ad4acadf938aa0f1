using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pingtang.Bot.Scheduling;

/// <summary>
/// Part of <c>/readyz</c>: Hangfire's storage answers a read, when this instance schedules jobs at all. Whichever
/// storage <see cref="SchedulingExtensions"/> chose, the question is the same.
/// </summary>
internal sealed class SchedulingHealthCheck(IServiceProvider services, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!SchedulingExtensions.IsEnabled(configuration))
        {
            return Task.FromResult(HealthCheckResult.Healthy("scheduling is off in this instance"));
        }

        // Hangfire's storage API is synchronous; one read of a hash nobody writes is the cheapest question it has.
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        connection.GetAllEntriesFromHash("pingtang:readyz");
        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
