using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Staff;

namespace Pingtang.Domain.Workers;

/// <summary>What came of a worker giving a mobile number for their profile.</summary>
public abstract record MobileClaim
{
    private MobileClaim()
    {
    }

    /// <summary>Nobody else's profile had it: it is this worker's now.</summary>
    public sealed record Saved : MobileClaim;

    /// <summary>Another worker's profile has it: a code went to where that worker was last seen.</summary>
    public sealed record CodeSent(DateTimeOffset ExpiresAt) : MobileClaim;

    /// <summary>Another worker's profile has it, and no channel of theirs is known to send a code to.</summary>
    public sealed record OwnerUnreachable : MobileClaim;

    /// <summary>Another worker's profile has it, and has had <see cref="WorkerLinks.MaxCodesPerDay"/> codes in a day.</summary>
    public sealed record TooManyCodes : MobileClaim;
}

/// <summary>What came of typing a linking code.</summary>
public abstract record LinkAnswer
{
    private LinkAnswer()
    {
    }

    /// <summary>The code was right: the worker is <paramref name="WorkerId"/> from now on.</summary>
    public sealed record Linked(int WorkerId) : LinkAnswer;

    public sealed record WrongCode(int TriesLeft) : LinkAnswer;

    /// <summary>The last try was wrong too: the two stay apart.</summary>
    public sealed record TooManyTries : LinkAnswer;

    /// <summary>No code of theirs is open: its time ran out, or it was decided meanwhile.</summary>
    public sealed record Expired : LinkAnswer;
}

/// <summary>
/// One mobile number, one worker: a worker who gives a number another worker's profile has gets it only by typing the
/// code sent to where that worker was last seen — proof that they can read that worker's messages, which typing a
/// number is not. The right code makes the two one worker: the number's owner stays, keeping its id and so its
/// enrolments, cases and bookings; the other's rows move to it through each feature's <see cref="IWorkerRows"/>, its
/// blank profile fields are filled from the other's, and the other is left an empty tombstone naming it.
/// </summary>
/// <remarks>
/// Guessing is bounded per owner, not per asker: <see cref="WorkerLink.MaxTries"/> tries for each of at most
/// <see cref="MaxCodesPerDay"/> codes a day, however many accounts ask — 15 guesses of a million a day.
/// The channels' addresses are the bot's to move, right after the merge is saved (the domain knows nothing of chat).
/// </remarks>
public sealed class WorkerLinks(PingtangDb db, TimeProvider time, IEnumerable<IWorkerRows> features)
{
    public const int MaxCodesPerDay = 3;

    /// <summary>On this unit of work, so the code is queued with its link or not at all.</summary>
    private readonly OutboxMessages _outbox = new(db, time);

    /// <summary>
    /// Gives <paramref name="workerId"/> the number when nobody else's profile has it; otherwise sends its owner a
    /// code, and the number is not saved.
    /// </summary>
    public async Task<MobileClaim> ClaimMobileAsync(int workerId, string mobile, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // BEGIN IMMEDIATE on SQLite: whose number it is and what is done about it are one decision, so two workers
        // giving the same new number at the same moment cannot both get it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var worker = await db.Workers.SingleAsync(w => w.Id == workerId, cancellationToken);
        if (await WorkerRegistry.OwnerOfAsync(db, mobile, workerId, cancellationToken) is not { } ownerId)
        {
            worker.UpdateProfile(worker.Profile with { Mobile = mobile }, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new MobileClaim.Saved();
        }

        if (!await db.Set<WorkerChannel>().AnyAsync(c => c.WorkerId == ownerId, cancellationToken))
        {
            return new MobileClaim.OwnerUnreachable();
        }

        var dayAgo = now - TimeSpan.FromDays(1);
        if (await db.WorkerLinks.CountAsync(l => l.OwnerId == ownerId && l.CreatedAt > dayAgo, cancellationToken) >= MaxCodesPerDay)
        {
            return new MobileClaim.TooManyCodes();
        }

        // One code to answer at a time: asking again replaces the one before.
        await db.WorkerLinks
            .Where(l => l.WorkerId == workerId && l.State == WorkerLinkState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, WorkerLinkState.Expired).SetProperty(l => l.DecidedAt, now), cancellationToken);
        var link = WorkerLink.Ask(workerId, ownerId, now);
        db.WorkerLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        _outbox.Queue(WorkerLinkNotices.Code(link));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MobileClaim.CodeSent(link.ExpiresAt);
    }

    /// <summary>The worker's answer to their open code; the right one makes them the owner's worker.</summary>
    public async Task<LinkAnswer> ConfirmAsync(int workerId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var link = await db.WorkerLinks.SingleOrDefaultAsync(l => l.WorkerId == workerId && l.State == WorkerLinkState.Pending, cancellationToken);
        if (link is null)
        {
            return new LinkAnswer.Expired();
        }

        if (link.ExpiresAt <= now)
        {
            link.Decide(WorkerLinkState.Expired, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new LinkAnswer.Expired();
        }

        var right = link.Try(code, now);
        try
        {
            // The try is saved before anything is moved: of two answers at once, the second finds the tries changed.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new LinkAnswer.Expired();
        }

        if (!right)
        {
            await transaction.CommitAsync(cancellationToken);
            return link.State == WorkerLinkState.Failed ? new LinkAnswer.TooManyTries() : new LinkAnswer.WrongCode(link.TriesLeft);
        }

        var into = await MergeAsync(workerId, link.OwnerId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LinkAnswer.Linked(into);
    }

    /// <summary>不是我: the worker keeps their own profile, without the number.</summary>
    public Task DeclineAsync(int workerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.WorkerLinks
            .Where(l => l.WorkerId == workerId && l.State == WorkerLinkState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, WorkerLinkState.Declined).SetProperty(l => l.DecidedAt, now), cancellationToken);
    }

    /// <summary>Makes <paramref name="fromId"/> the owner's worker, inside the caller's transaction; returns who stays.</summary>
    private async Task<int> MergeAsync(int fromId, int ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The owner may have been merged into someone since the code went out: the person is the one it names now,
        // and may already be the asker, linked the other way round.
        var into = await db.Workers.SingleAsync(w => w.Id == ownerId, cancellationToken);
        if (into.MergedIntoId is { } survivor)
        {
            into = await db.Workers.SingleAsync(w => w.Id == survivor, cancellationToken);
        }

        if (into.Id == fromId)
        {
            return into.Id;
        }

        var from = await db.Workers.SingleAsync(w => w.Id == fromId, cancellationToken);
        var merge = new WorkerMerge(from.Id, into.Id, now);
        foreach (var feature in features)
        {
            await feature.MoveAsync(merge, cancellationToken);
        }

        if (await LeftBehindAsync(from.Id, cancellationToken) is { } table)
        {
            throw new InvalidOperationException($"Rows of {table} still name worker {from.Id}: its feature registers no {nameof(IWorkerRows)}.");
        }

        into.Absorb(from, now);
        // A tombstone always names a live worker, so whoever holds an old id is one step from the person.
        await db.Workers.Where(w => w.MergedIntoId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.MergedIntoId, into.Id), cancellationToken);
        await db.WorkerLinks
            .Where(l => l.State == WorkerLinkState.Pending && (l.WorkerId == from.Id || l.OwnerId == from.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, WorkerLinkState.Expired).SetProperty(l => l.DecidedAt, now), cancellationToken);
        db.AuditLog.Add(AuditEntry.Of(null, WorkerLinkNotices.WorkerAccount, AuditKind.Action, WorkerLinkNotices.AuditWhat, WorkerLinkNotices.AuditTarget(merge), null, now));
        await db.SaveChangesAsync(cancellationToken);
        return into.Id;
    }

    /// <summary>The first table with a foreign key to the workers that still has a row of <paramref name="workerId"/>.</summary>
    private async Task<string?> LeftBehindAsync(int workerId, CancellationToken cancellationToken)
    {
        var references = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(k => k.PrincipalEntityType.ClrType == typeof(Worker));
        foreach (var reference in references)
        {
            var table = reference.DeclaringEntityType.GetTableName();
            // Names from the model, never from input; the id is a parameter.
            var sql = $"SELECT 1 AS \"Value\" FROM \"{table}\" WHERE \"{reference.Properties[0].GetColumnName()}\" = {{0}}";
            if (await db.Database.SqlQueryRaw<int>(sql, workerId).AnyAsync(cancellationToken))
            {
                return table;
            }
        }

        return null;
    }
}
