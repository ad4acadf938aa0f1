using Hangfire;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// 新岗位提醒, every hour: each worker due an alert (<see cref="JobAlerts"/> decides who and what) gets one short
/// message, queued on the outbox, which sends it on the channel they used last, holds it through the quiet hours and
/// retries it when a channel fails. One run takes one batch of workers and queues the next, so every run stays
/// short. Safe to run twice, or twice at once: a worker's alert of the day is recorded once, with its message.
/// </summary>
public sealed class JobAlertJob(JobAlerts alerts, IBackgroundJobClient jobs, ILogger<JobAlertJob> logger)
{
    public const string RecurringJobId = "job-alerts";

    public const int BatchSize = 50;

    /// <summary>Queues the alerts of the next <see cref="BatchSize"/> due workers after <paramref name="afterWorkerId"/>.</summary>
    public async Task RunAsync(int afterWorkerId, CancellationToken cancellationToken)
    {
        var due = await alerts.DueAsync(afterWorkerId, BatchSize, cancellationToken);
        var queued = 0;
        foreach (var workerId in due)
        {
            if (await alerts.PickAsync(workerId, cancellationToken) is { } alert
                && await alerts.QueueAsync(alert, JobAlertTexts.Message(alert.Postings), cancellationToken))
            {
                queued++;
            }
        }

        if (due.Count == BatchSize)
        {
            var last = due[^1];
            jobs.Enqueue<JobAlertJob>(job => job.RunAsync(last, CancellationToken.None));
        }

        logger.LogInformation("Job alerts after worker {AfterWorkerId}: {Due} workers due, {Queued} alerts queued", afterWorkerId, due.Count, queued);
    }
}
