using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Broadcasts;

/// <summary>One campaign in the console's list: where it is and how far its messages got.</summary>
public sealed record CampaignLine(int Id, string Title, string Station, CampaignState State, DateTimeOffset SendAt, int Queued, int Sent);

/// <summary>What became of a campaign's messages, counted from the outbox rows themselves, so it is true after a crash.</summary>
/// <param name="Deferred">Messages quiet hours held back at least once (they may have gone since).</param>
/// <param name="Skipped">Not sent on purpose, by reason: no consent, 退订, no channel, cancelled.</param>
/// <param name="Waiting">Waiting for the worker to write first (WeChat outside its 48 hours, no template for broadcasts).</param>
public sealed record CampaignReport(int Queued, int Sending, int Sent, int Failed, int Dead, int Held, int Waiting, int Deferred, IReadOnlyList<SkipCount> Skipped)
{
    public int Total => Queued + Sending + Sent + Failed + Dead + Held + Waiting + Skipped.Sum(s => s.Count);
}

public sealed record SkipCount(string Reason, int Count);

/// <summary>A fan-out run's batch: how many workers it newly queued, and whether the audience is done.</summary>
public sealed record FanOutBatch(int Queued, bool Finished);

/// <summary>
/// Broadcasts (群发通知): drafting, approval, pause, resume and cancel, the fan-out onto the outbox and the report.
/// The fan-out queues one message per (campaign, worker) under the outbox key <c>campaign:{id}:{worker}</c>, so a
/// worker is queued once whatever runs twice; each batch and the cursor after it are one transaction.
/// </summary>
public sealed class Campaigns(PingtangDb db, OutboxMessages outbox, TimeProvider time)
{
    /// <summary>The reason a cancelled campaign's unsent messages are skipped with.</summary>
    public const string CancelledReason = "通知已取消";

    /// <summary>A batch holds the database's write lock for tens of milliseconds: a turn waiting on it hardly notices.</summary>
    public const int FanOutBatchSize = 2000;

    /// <summary>How long a fan-out run holds a campaign: far longer than a batch takes, and the wait after a crash.</summary>
    public static readonly TimeSpan FanOutLease = TimeSpan.FromMinutes(2);

    public static string Key(int campaignId, int workerId) => $"{KeyPrefix(campaignId)}{workerId}";

    private static string KeyPrefix(int campaignId) => $"campaign:{campaignId}:";

    /// <summary>Saves a draft; a generator's <paramref name="planKey"/> makes it once, and a second call finds the first.</summary>
    public async Task<Campaign> DraftAsync(CampaignContent content, int stationId, int? createdBy, CancellationToken cancellationToken, string? planKey = null)
    {
        if (planKey is not null && await db.Campaigns.SingleOrDefaultAsync(c => c.PlanKey == planKey, cancellationToken) is { } planned)
        {
            return planned;
        }

        var campaign = Campaign.Draft(content, stationId, createdBy, time.GetUtcNow(), planKey);
        if (!await db.TryInsertAsync(campaign, () => db.Campaigns.AnyAsync(c => c.PlanKey == planKey, cancellationToken), cancellationToken))
        {
            return await db.Campaigns.SingleAsync(c => c.PlanKey == planKey, cancellationToken);
        }

        return campaign;
    }

    public Task<Campaign?> FindAsync(int campaignId, CancellationToken cancellationToken) =>
        db.Campaigns.Include(c => c.Station).SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);

    /// <summary>The campaigns of <paramref name="stationId"/> (every station's when null), newest first, with their progress.</summary>
    public async Task<IReadOnlyList<CampaignLine>> ListAsync(int? stationId, CancellationToken cancellationToken)
    {
        var campaigns = db.Campaigns.AsNoTracking();
        if (stationId is { } station)
        {
            campaigns = campaigns.Where(c => c.StationId == station);
        }

        return await campaigns
            .OrderByDescending(c => c.Id)
            .Select(c => new CampaignLine(
                c.Id, c.Title, c.Station!.Name, c.State, c.SendAt,
                db.Outbox.Count(m => m.CampaignId == c.Id),
                db.Outbox.Count(m => m.CampaignId == c.Id && m.State == OutboxState.Sent)))
            .ToListAsync(cancellationToken);
    }

    public Task<AudienceSize> SizeAsync(Audience audience, CancellationToken cancellationToken) =>
        CampaignAudience.SizeAsync(db, audience, ChinaTime.Today(time), cancellationToken);

    /// <summary>Pauses the campaign and holds its messages not sent yet, together.</summary>
    public Task PauseAsync(Campaign campaign, CancellationToken cancellationToken) =>
        ChangeAsync(campaign, c => c.Pause(), () => outbox.HoldCampaignAsync(campaign.Id, cancellationToken), cancellationToken);

    /// <summary>Resumes: the held messages go again, and the fan-out goes on from its cursor at the next minute.</summary>
    public Task ResumeAsync(Campaign campaign, CancellationToken cancellationToken) =>
        ChangeAsync(campaign, c => c.Resume(), () => outbox.ReleaseCampaignAsync(campaign.Id, cancellationToken), cancellationToken);

    /// <summary>Cancels: nothing more is queued, and what is not sent yet is skipped as cancelled.</summary>
    public Task CancelAsync(Campaign campaign, CancellationToken cancellationToken) =>
        ChangeAsync(campaign, c => c.Cancel(time.GetUtcNow()), () => outbox.SkipCampaignAsync(campaign.Id, CancelledReason, cancellationToken), cancellationToken);

    /// <summary>
    /// The minute's work: starts the scheduled campaigns whose time has come, and returns every sending campaign no
    /// fan-out run holds — just started, resumed, or left by a run that died — taken for <see cref="FanOutLease"/>.
    /// </summary>
    public async Task<IReadOnlyList<int>> TakeDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Campaigns
            .Where(c => (c.State == CampaignState.Scheduled && c.SendAt <= now) || (c.State == CampaignState.Sending && (c.FanOutUntil == null || c.FanOutUntil < now)))
            .ToListAsync(cancellationToken);
        foreach (var campaign in due)
        {
            if (campaign.State == CampaignState.Scheduled)
            {
                campaign.Start(now);
            }

            campaign.Hold(now, FanOutLease);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. due.Select(c => c.Id)];
    }

    /// <summary>
    /// Queues the next <paramref name="batchSize"/> workers of the audience after the cursor, and moves the cursor, in
    /// one transaction (on SQLite <c>BEGIN IMMEDIATE</c>: two runs at once take turns, and the second starts after the
    /// first's cursor). Every worker of the audience is queued, consenting or not: the sender skips with the reason,
    /// which the report shows. Nothing when the campaign is not sending (paused, cancelled, done).
    /// </summary>
    public async Task<FanOutBatch> FanOutAsync(int campaignId, CancellationToken cancellationToken, int batchSize = FanOutBatchSize)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is not { State: CampaignState.Sending })
        {
            return new(0, Finished: true);
        }

        var now = time.GetUtcNow();
        // The day it started: an audience by age or by trip stays the same audience across midnight.
        var startedOn = ChinaTime.DateOf(campaign.StartedAt ?? now);
        var workerIds = await CampaignAudience.Workers(db, campaign.Audience, startedOn).Select(w => w.Id)
            .NextBatchAsync(campaign.FanOutCursor, batchSize, cancellationToken);
        var queued = await outbox.QueueCircularAsync(
            new OutboxCircular(KeyPrefix(campaignId), Campaign.OutboxKind, MessagePurpose.Promotional, campaign.Text, campaign.Choices, campaignId), workerIds, cancellationToken);
        var finished = workerIds.Count < batchSize;
        campaign.Hold(now, FanOutLease);
        campaign.Queued(workerIds.Count > 0 ? workerIds[^1] : campaign.FanOutCursor, finished, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new(queued, finished);
    }

    public async Task<CampaignReport> ReportAsync(int campaignId, CancellationToken cancellationToken)
    {
        var messages = db.Outbox.AsNoTracking().Where(m => m.CampaignId == campaignId);
        var states = await messages.GroupBy(m => m.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var skipped = await messages.Where(m => m.State == OutboxState.Skipped)
            .GroupBy(m => m.LastError ?? "")
            .Select(g => new SkipCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var deferred = await messages.CountAsync(m => m.QuietDeferrals > 0, cancellationToken);
        int Of(OutboxState state) => states.Where(s => s.State == state).Sum(s => s.Count);
        return new(Of(OutboxState.Queued), Of(OutboxState.Sending), Of(OutboxState.Sent), Of(OutboxState.Failed), Of(OutboxState.Dead), Of(OutboxState.Held), Of(OutboxState.Waiting), deferred, [.. skipped.OrderByDescending(s => s.Count)]);
    }

    private async Task ChangeAsync(Campaign campaign, Action<Campaign> change, Func<Task<int>> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        // One transaction: the campaign's state and its messages' change together, after any fan-out batch under way.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Entry(campaign).ReloadAsync(cancellationToken);
        change(campaign);
        await db.SaveChangesAsync(cancellationToken);
        await messages();
        await transaction.CommitAsync(cancellationToken);
    }
}
