using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Outbox;

/// <summary>Messages of one kind in one state, for the staff page.</summary>
public sealed record OutboxCount(string Kind, OutboxState State, int Count);

/// <summary>Sent messages of one kind by one channel and way (<see cref="OutboxMessage.SentVia"/>), for the staff page.</summary>
public sealed record OutboxRoute(string Kind, string Channel, string? Via, int Count);

/// <summary>One message for many workers (a broadcast): each worker's copy is keyed <c>{KeyPrefix}{worker id}</c>.</summary>
public sealed record OutboxCircular(string KeyPrefix, string Kind, MessagePurpose Purpose, string Text, IReadOnlyList<string> Choices, int? CampaignId);

/// <summary>
/// The one way a message reaches a worker outside their own turn. Features queue here, in the unit of work of the
/// change that causes the message; the bot's sender leases what is due, sends it and records what became of it.
/// Delivery is at least once: a sender that dies holding a lease has its messages sent again when the lease runs out,
/// so a crash repeats at most the messages leased at that moment (one batch) and loses none.
/// </summary>
public sealed class OutboxMessages(PingtangDb db, TimeProvider time)
{
    /// <summary>Adds the message to the unit of work: it exists, and will be sent, only if the change is saved with it.</summary>
    public void Queue(OutboxDraft draft) => db.Add(OutboxMessage.From(draft, time.GetUtcNow()));

    /// <summary>
    /// Queues and saves at once the drafts whose key is not queued yet — for a job that may run twice, or twice at
    /// the same moment; returns how many were new. Call it with nothing else unsaved.
    /// </summary>
    public async Task<int> QueueOnceAsync(IReadOnlyList<OutboxDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var keys = drafts.Select(d => d.Key).Distinct().ToList();
        var queued = await db.Outbox.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellationToken);
        var fresh = drafts.Where(d => !queued.Contains(d.Key)).DistinctBy(d => d.Key).ToList();
        var now = time.GetUtcNow();
        db.AddRange(fresh.Select(d => OutboxMessage.From(d, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another run queued some of them meanwhile: one at a time, each kept or found already there.
            db.ChangeTracker.Clear();
            var added = 0;
            foreach (var draft in fresh)
            {
                added += await db.TryInsertAsync(OutboxMessage.From(draft, now), () => db.Outbox.AnyAsync(m => m.Key == draft.Key, cancellationToken), cancellationToken) ? 1 : 0;
            }

            return added;
        }
    }

    /// <summary>
    /// Queues <paramref name="circular"/> to each of <paramref name="workerIds"/> in one statement, in the caller's
    /// transaction; a worker whose copy is queued already keeps it. Returns how many copies were new.
    /// </summary>
    public Task<int> QueueCircularAsync(OutboxCircular circular, IReadOnlyCollection<int> workerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circular);
        ArgumentNullException.ThrowIfNull(workerIds);
        if (workerIds.Count == 0)
        {
            return Task.FromResult(0);
        }

        // One INSERT … SELECT over the ids rather than an entity per worker: a broadcast to 100,000 is queued in
        // seconds, not in the minute that change tracking takes. The values are stored as EF Core would store them.
        var text = circular.Text.Length > OutboxMessage.TextMaxLength ? circular.Text[..OutboxMessage.TextMaxLength] : circular.Text;
        var (kind, purpose, queued) = (circular.Kind, circular.Purpose.ToString(), OutboxState.Queued.ToString());
        if (db.Database.IsNpgsql())
        {
            // The ids as one array parameter; the casts because PostgreSQL types a SELECT's parameters by themselves. The
            // choices are an array there, JSON in SQLite.
            var at = time.GetUtcNow();
            return db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "Outbox" ("WorkerId", "Kind", "Purpose", "Key", "Text", "Choices", "CreatedAt", "NotBefore", "State", "Attempts", "CampaignId", "QuietDeferrals")
                SELECT worker, {kind}::text, {purpose}::text, {circular.KeyPrefix}::text || worker, {text}::text, {circular.Choices.ToArray()}::text[], {at}::timestamptz, {at}::timestamptz, {queued}::text, 0, {circular.CampaignId}::integer, 0
                FROM unnest({workerIds.ToArray()}::integer[]) AS worker
                ON CONFLICT ("Key") DO NOTHING
                """,
                cancellationToken);
        }

        var now = new UtcTimestampConverter().ConvertToProvider(time.GetUtcNow());
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Outbox" ("WorkerId", "Kind", "Purpose", "Key", "Text", "Choices", "CreatedAt", "NotBefore", "State", "Attempts", "CampaignId", "QuietDeferrals")
            SELECT worker.value, {kind}, {purpose}, {circular.KeyPrefix} || worker.value, {text}, {JsonSerializer.Serialize(circular.Choices)}, {now}, {now}, {queued}, 0, {circular.CampaignId}, 0
            FROM json_each({JsonSerializer.Serialize(workerIds)}) AS worker
            WHERE true
            ON CONFLICT ("Key") DO NOTHING
            """,
            cancellationToken);
    }

    /// <summary>
    /// Leases up to <paramref name="max"/> messages that are due — queued or failed and past their not-before time, or
    /// sending under a lease that ran out — for <paramref name="lease"/>, and counts the attempt.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> LeaseAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leaseId = Guid.NewGuid();
        var until = now + lease;
        // The oldest of each kind of due message, each read in the order of the (State, NotBefore, Id) index and cut at
        // max, then the oldest of those. Asked in one condition over all three kinds, SQLite gathered and sorted every
        // due message to keep the first 50: tens of milliseconds a batch behind a broadcast of 100,000.
        var due = Oldest(db.Outbox.Where(m => m.State == OutboxState.Queued && m.NotBefore <= now), max)
            .Concat(Oldest(db.Outbox.Where(m => m.State == OutboxState.Failed && m.NotBefore <= now), max))
            .Concat(Oldest(db.Outbox.Where(m => m.State == OutboxState.Sending && m.LeaseUntil < now), max))
            .OrderBy(m => m.NotBefore).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(max);

        // One statement: the choice and the lease are one write, so two senders never lease the same message.
        var leased = db.Database.IsNpgsql()
            ? await LeaseOnPostgresAsync(max, now, leaseId, until, cancellationToken)
            : await db.Outbox.Where(m => due.Contains(m.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, OutboxState.Sending)
                .SetProperty(m => m.LeaseId, leaseId)
                .SetProperty(m => m.LeaseUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1),
            cancellationToken);
        return leased == 0
            ? []
            : await db.Outbox.AsNoTracking().Where(m => m.LeaseId == leaseId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="LeaseAsync"/>'s choice and lease on PostgreSQL, where senders on several instances run at once: under
    /// READ COMMITTED a second sender's UPDATE would wait for the first's rows and then lease them again, so each kind
    /// of due message is chosen <c>FOR UPDATE SKIP LOCKED</c> — a sender passes over the messages another is leasing
    /// — and the outer condition is checked again on the row it updates.
    /// </summary>
    /// <remarks>
    /// Each kind is read in the (State, NotBefore, Id) index's order, never gathered and sorted: a broadcast queues
    /// thousands of messages a second, and until autovacuum next analyzes the table the planner believes there are a
    /// handful, and chose to gather and sort them all (20 ms a batch at 20,000 queued, 0.2 ms in the index's order).
    /// Sequential and bitmap scans are turned off for this one transaction, so that the index read in its order is the
    /// plan whatever the statistics say. (Not sorting itself: the union of the three still sorts, and the penalty put on
    /// a sort made the plan look costly enough for PostgreSQL to compile it, 400 ms.)
    /// </remarks>
    private async Task<int> LeaseOnPostgresAsync(int max, DateTimeOffset now, Guid leaseId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var (queued, failed, sending) = (OutboxState.Queued.ToString(), OutboxState.Failed.ToString(), OutboxState.Sending.ToString());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)", cancellationToken);
        var leased = await db.Database.ExecuteSqlAsync(
            $"""
            WITH queued AS (
              SELECT "Id", "NotBefore" FROM "Outbox" WHERE "State" = {queued} AND "NotBefore" <= {now}
              ORDER BY "NotBefore", "Id" LIMIT {max} FOR UPDATE SKIP LOCKED),
            failed AS (
              SELECT "Id", "NotBefore" FROM "Outbox" WHERE "State" = {failed} AND "NotBefore" <= {now}
              ORDER BY "NotBefore", "Id" LIMIT {max} FOR UPDATE SKIP LOCKED),
            expired AS (
              SELECT "Id", "NotBefore" FROM "Outbox" WHERE "State" = {sending} AND "LeaseUntil" < {now}
              ORDER BY "NotBefore", "Id" LIMIT {max} FOR UPDATE SKIP LOCKED),
            due AS (
              SELECT "Id" FROM (SELECT * FROM queued UNION ALL SELECT * FROM failed UNION ALL SELECT * FROM expired) AS d
              ORDER BY "NotBefore", "Id" LIMIT {max})
            UPDATE "Outbox" AS m SET "State" = {sending}, "LeaseId" = {leaseId}, "LeaseUntil" = {until}, "Attempts" = m."Attempts" + 1
            FROM due
            WHERE m."Id" = due."Id"
              AND (m."State" IN ({queued}, {failed}) AND m."NotBefore" <= {now} OR m."State" = {sending} AND m."LeaseUntil" < {now})
            """,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return leased;
    }

    /// <summary>
    /// Records messages of one lease as sent on <paramref name="channel"/>, by <paramref name="via"/> where the channel
    /// has more than one way; a lease taken over meanwhile is left alone.
    /// </summary>
    public Task<int> RecordSentAsync(IReadOnlyCollection<long> ids, Guid leaseId, string channel, string? via, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Leased(ids, leaseId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, OutboxState.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.SentChannel, channel)
                .SetProperty(m => m.SentVia, via)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>A failed try: tried again after a back-off, or dead after <see cref="OutboxMessage.MaxAttempts"/>.</summary>
    public Task<int> RecordFailedAsync(OutboxMessage message, Guid leaseId, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        var dead = message.Attempts >= OutboxMessage.MaxAttempts;
        var retryAt = time.GetUtcNow() + OutboxRules.Backoff(message.Attempts);
        var reason = error.Length > OutboxMessage.ErrorMaxLength ? error[..OutboxMessage.ErrorMaxLength] : error;
        return Leased([message.Id], leaseId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, dead ? OutboxState.Dead : OutboxState.Failed)
                .SetProperty(m => m.NotBefore, m => dead ? m.NotBefore : retryAt)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>Not sent on purpose (no consent, no channel): recorded with the reason, never tried again by itself.</summary>
    public Task<int> RecordSkippedAsync(IReadOnlyCollection<long> ids, Guid leaseId, string reason, CancellationToken cancellationToken) =>
        Leased(ids, leaseId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, OutboxState.Skipped)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);

    /// <summary>
    /// Held until <paramref name="until"/> — quiet hours, or a channel that asked us to slow down — queued again, and
    /// this lease is not counted as a try. <paramref name="quietHours"/> counts it on the message for the reports.
    /// </summary>
    public Task<int> DeferAsync(IReadOnlyCollection<long> ids, Guid leaseId, DateTimeOffset until, bool quietHours, CancellationToken cancellationToken)
    {
        var counted = quietHours ? 1 : 0;
        return Leased(ids, leaseId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, OutboxState.Queued)
                .SetProperty(m => m.NotBefore, until)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.QuietDeferrals, m => m.QuietDeferrals + counted)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>
    /// Messages of one lease wait for the worker to write (<see cref="OutboxState.Waiting"/>); the lease is not counted
    /// as a try.
    /// </summary>
    public Task<int> AwaitWorkerAsync(IReadOnlyCollection<long> ids, Guid leaseId, CancellationToken cancellationToken) =>
        Leased(ids, leaseId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, OutboxState.Waiting)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);

    /// <summary>The worker wrote: what waited for them goes from <paramref name="notBefore"/>, in the order it was queued.</summary>
    public Task<int> ReleaseWaitingAsync(int workerId, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        db.Outbox.Where(m => m.WorkerId == workerId && m.State == OutboxState.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Queued).SetProperty(m => m.NotBefore, notBefore), cancellationToken);

    /// <summary>
    /// A paused campaign's messages not sent yet are held, in one statement: those queued, failed and waiting to try
    /// again, waiting for the worker to write, or left by a sender that died. A batch being sent at this moment goes.
    /// </summary>
    public Task<int> HoldCampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Unsent(campaignId, now, orHeld: false).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, OutboxState.Held)
                .SetProperty(m => m.LeaseId, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>A resumed campaign's held messages are queued again, each from its own not-before time.</summary>
    public Task<int> ReleaseCampaignAsync(int campaignId, CancellationToken cancellationToken) =>
        db.Outbox.Where(m => m.CampaignId == campaignId && m.State == OutboxState.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Queued), cancellationToken);

    /// <summary>A cancelled campaign's messages not sent yet, held ones too, are skipped with <paramref name="reason"/>.</summary>
    public Task<int> SkipCampaignAsync(int campaignId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Unsent(campaignId, now, orHeld: true)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Skipped)
                    .SetProperty(m => m.LastError, reason)
                    .SetProperty(m => m.LeaseId, (Guid?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
    }

    /// <summary>Staff send a dead, failed or skipped message again: queued now, with its tries counted afresh.</summary>
    public async Task<bool> SendAgainAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Outbox
            .Where(m => m.Id == id && (m.State == OutboxState.Dead || m.State == OutboxState.Failed || m.State == OutboxState.Skipped))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Queued)
                    .SetProperty(m => m.NotBefore, now)
                    .SetProperty(m => m.Attempts, 0),
                cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<OutboxCount>> CountsAsync(CancellationToken cancellationToken) =>
        await db.Outbox.AsNoTracking()
            .GroupBy(m => new { m.Kind, m.State })
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.State)
            .Select(g => new OutboxCount(g.Key.Kind, g.Key.State, g.Count()))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OutboxRoute>> RoutesAsync(CancellationToken cancellationToken) =>
        await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Sent)
            .GroupBy(m => new { m.Kind, m.SentChannel, m.SentVia })
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.SentChannel).ThenBy(g => g.Key.SentVia)
            .Select(g => new OutboxRoute(g.Key.Kind, g.Key.SentChannel ?? "", g.Key.SentVia, g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>The latest messages that did not go out (failed, dead, skipped), newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ProblemsAsync(int max, CancellationToken cancellationToken) =>
        await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Failed || m.State == OutboxState.Dead || m.State == OutboxState.Skipped)
            .OrderByDescending(m => m.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

    private static IQueryable<OutboxMessage> Oldest(IQueryable<OutboxMessage> messages, int max) =>
        messages.OrderBy(m => m.NotBefore).ThenBy(m => m.Id).Take(max);

    private IQueryable<OutboxMessage> Unsent(int campaignId, DateTimeOffset now, bool orHeld) =>
        db.Outbox.Where(m => m.CampaignId == campaignId
            && (m.State == OutboxState.Queued || m.State == OutboxState.Failed || m.State == OutboxState.Waiting
                || (m.State == OutboxState.Sending && m.LeaseUntil < now) || (orHeld && m.State == OutboxState.Held)));

    private IQueryable<OutboxMessage> Leased(IReadOnlyCollection<long> ids, Guid leaseId) =>
        db.Outbox.Where(m => ids.Contains(m.Id) && m.LeaseId == leaseId && m.State == OutboxState.Sending);
}
