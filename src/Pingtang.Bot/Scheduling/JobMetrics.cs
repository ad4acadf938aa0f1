using System.Diagnostics.Metrics;
using Hangfire.Common;
using Hangfire.Server;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Scheduling;

/// <summary>
/// Scheduled jobs that failed, counted at each failed try by job (<c>BroadcastJob.FanOutAsync</c>): Hangfire retries
/// a failed job, so a rising count is the sign to look at the dashboard before the retries run out. A job the server
/// cancelled because the service is stopping is not a failure.
/// </summary>
public sealed class JobMetrics : IServerFilter
{
    private readonly Counter<long> _failures;

    public JobMetrics(IMeterFactory meters) =>
        _failures = meters.PingtangMeter().CreateCounter<long>("pingtang.job.failures", "{failure}", "Tries of a scheduled job that threw, by job.");

    /// <summary>This filter with Hangfire's own (retries, state changes): the server of this host is given them all.</summary>
    public IJobFilterProvider WithHangfireFilters() => new Provider(this);

    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is { } failure && !context.ExceptionHandled && !(failure is OperationCanceledException && context.CancellationToken.ShutdownToken.IsCancellationRequested))
        {
            var job = context.BackgroundJob.Job;
            _failures.Add(1, new KeyValuePair<string, object?>("job", $"{job.Type.Name}.{job.Method.Name}"));
        }
    }

    private sealed class Provider(JobMetrics metrics) : IJobFilterProvider
    {
        public IEnumerable<JobFilter> GetFilters(Job job) =>
            JobFilterProviders.Providers.GetFilters(job).Append(new JobFilter(metrics, JobFilterScope.Global, order: null));
    }
}
