using Hangfire;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Scheduling;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// 新岗位提醒, every hour: each worker due an alert (<see cref="JobAlerts"/> decides who and what) gets one short
/// message on the channel they used last. One run takes one batch of workers and queues the next, so every run
/// stays short. Safe to run twice, or twice at once: an alert is claimed in the database before it is sent, and
/// given back when the send fails, so that the next run tries again.
/// </summary>
public sealed class JobAlertJob(JobAlerts alerts, ProactiveMessenger messenger, IBackgroundJobClient jobs, ILogger<JobAlertJob> logger)
{
    public const string RecurringJobId = "job-alerts";

    public const int BatchSize = 50;

    /// <summary>Sends the alerts of the next <see cref="BatchSize"/> due workers after <paramref name="afterWorkerId"/>.</summary>
    public async Task RunAsync(int afterWorkerId, CancellationToken cancellationToken)
    {
        var due = await alerts.DueAsync(afterWorkerId, BatchSize, cancellationToken);
        var sent = await Batches.SendEachAsync(
            due, BatchSize, id => SendAsync(id, cancellationToken), last => jobs.Enqueue<JobAlertJob>(job => job.RunAsync(last, CancellationToken.None)));
        logger.LogInformation("Job alerts after worker {AfterWorkerId}: {Due} workers due, {Sent} alerts sent", afterWorkerId, due.Count, sent);
    }

    private async Task<bool> SendAsync(int workerId, CancellationToken cancellationToken)
    {
        var alert = await alerts.ClaimAsync(workerId, cancellationToken);
        return alert is not null && await messenger.SendClaimedAsync(
            workerId, JobAlertTexts.Message(alert.Postings), ct => alerts.ReleaseAsync(alert.Id, ct), logger, cancellationToken);
    }
}
