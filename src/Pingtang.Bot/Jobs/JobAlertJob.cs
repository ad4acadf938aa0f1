using Hangfire;
using Pingtang.Bot.Channels.Addresses;
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
        var sent = 0;
        foreach (var workerId in due)
        {
            sent += await SendAsync(workerId, cancellationToken) ? 1 : 0;
        }

        if (due.Count == BatchSize)
        {
            var last = due[^1];
            jobs.Enqueue<JobAlertJob>(job => job.RunAsync(last, CancellationToken.None));
        }

        logger.LogInformation("Job alerts after worker {AfterWorkerId}: {Due} workers due, {Sent} alerts sent", afterWorkerId, due.Count, sent);
    }

    private async Task<bool> SendAsync(int workerId, CancellationToken cancellationToken)
    {
        var alert = await alerts.ClaimAsync(workerId, cancellationToken);
        if (alert is null)
        {
            return false;
        }

        var sent = false;
        try
        {
            sent = await messenger.SendTextAsync(workerId, JobAlertTexts.Message(alert.Postings), cancellationToken) == ProactiveOutcome.Sent;
            if (!sent)
            {
                logger.LogWarning("Job alert for worker {WorkerId} not sent: no channel reaches them", workerId);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One unreachable worker must not hold up the others' alerts.
            logger.LogWarning(exception, "Job alert for worker {WorkerId} failed; the next run tries again", workerId);
        }
        finally
        {
            if (!sent)
            {
                // Not the job's token: a job stopped in the middle of a send must still give its alert back.
                await alerts.ReleaseAsync(alert.Id, CancellationToken.None);
            }
        }

        return sent;
    }
}
