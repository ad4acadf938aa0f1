using Hangfire;
using Pingtang.Bot.Outbox;
using Pingtang.Domain.Broadcasts;

namespace Pingtang.Bot.Broadcasts;

/// <summary>
/// 群发通知 onto the outbox. Every minute (registered in <c>RecurringJobs</c>) (<see cref="StartDueAsync"/>) the campaigns whose send time has come start,
/// and every sending campaign no run holds — just started, resumed, or left by a run that died with the service — gets
/// a fan-out run. A run queues one batch of workers after the campaign's cursor and enqueues the next, so each stays
/// short and a restart goes on from the cursor. Safe to run twice, or twice at once: batches take turns on the write
/// lock, and each worker's message has its own outbox key.
/// </summary>
public sealed class BroadcastJob(Campaigns campaigns, IBackgroundJobClient jobs, OutboxMetrics metrics, ILogger<BroadcastJob> logger)
{
    public const string RecurringJobId = "broadcasts";

    public async Task StartDueAsync(CancellationToken cancellationToken)
    {
        foreach (var campaignId in await campaigns.TakeDueAsync(cancellationToken))
        {
            jobs.Enqueue<BroadcastJob>(job => job.FanOutAsync(campaignId, CancellationToken.None));
        }
    }

    public async Task FanOutAsync(int campaignId, CancellationToken cancellationToken)
    {
        var batch = await campaigns.FanOutAsync(campaignId, cancellationToken);
        // Queued in one statement, which the outbox's own count of saved messages does not see.
        metrics.Queued(Campaign.OutboxKind, batch.Queued);
        if (!batch.Finished)
        {
            jobs.Enqueue<BroadcastJob>(job => job.FanOutAsync(campaignId, CancellationToken.None));
        }

        logger.LogInformation("Campaign {CampaignId}: {Queued} queued, finished: {Finished}", campaignId, batch.Queued, batch.Finished);
    }
}
