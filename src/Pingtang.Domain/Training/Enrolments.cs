using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Training;

/// <summary>
/// Enrols workers in sessions, keeps the waiting lists and cancels. Seats are taken and given back by single
/// conditional updates inside a transaction, so the database, not a count in C#, decides who gets the last seat.
/// </summary>
public sealed class Enrolments(PingtangDb db, TimeProvider time)
{
    /// <summary>On this unit of work, so a notice is saved with the change or not at all.</summary>
    private readonly OutboxMessages _outbox = new(db, time);

    public async Task<EnrolResult> EnrolAsync(int workerId, int sessionId, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var session = await db.TrainingSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        var worker = await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken)
            ?? throw new DomainException($"没有编号为 {workerId} 的务工人员");
        if (session is null)
        {
            return new EnrolResult.Refused("没有这一期培训");
        }

        if (await FindActiveAsync(workerId, sessionId, cancellationToken) is { } existing)
        {
            return new EnrolResult.AlreadyEnrolled(existing.Code, await PositionAsync(existing, cancellationToken));
        }

        if (session.Refusal(worker, today) is { } refusal)
        {
            return new EnrolResult.Refused(refusal);
        }

        // BEGIN IMMEDIATE on SQLite, the session's row lock on PostgreSQL: the seat update and the insert happen one
        // enrolment (or cancellation) of the session at a time.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<TrainingSession>(sessionId, cancellationToken);
        var hasSeat = await db.TrainingSessions
            .Where(s => s.Id == sessionId && s.CancelledAt == null && s.SeatsTaken < s.Seats)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + 1), cancellationToken) == 1;
        var enrolment = Enrolment.Create(sessionId, workerId, hasSeat, time.GetUtcNow());
        db.Enrolments.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same worker's second message, a moment apart: the unique index kept the first one.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await FindActiveAsync(workerId, sessionId, cancellationToken) is { } first)
            {
                return new EnrolResult.AlreadyEnrolled(first.Code, await PositionAsync(first, cancellationToken));
            }

            throw;
        }

        await transaction.CommitAsync(cancellationToken);
        return hasSeat
            ? new EnrolResult.Confirmed(enrolment.Code)
            : new EnrolResult.Waiting(enrolment.Code, (await PositionAsync(enrolment, cancellationToken))!.Value);
    }

    /// <summary>
    /// Cancels the worker's enrolment. A freed seat goes to the first worker waiting, in the same transaction, with a
    /// notice in the outbox to tell them (<see cref="TrainingNotices.Promoted"/>); the result names them.
    /// </summary>
    public async Task<CancelResult?> CancelAsync(int workerId, int enrolmentId, CancellationToken cancellationToken)
    {
        // The session is locked before the enrolment is read, so a second cancellation of it reads it cancelled.
        var sessionId = await db.Enrolments.Where(e => e.Id == enrolmentId && e.WorkerId == workerId).Select(e => (int?)e.SessionId).SingleOrDefaultAsync(cancellationToken);
        if (sessionId is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<TrainingSession>(sessionId.Value, cancellationToken);
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.WorkerId == workerId, cancellationToken);
        if (enrolment is not { IsActive: true })
        {
            return null;
        }

        var promoted = await CancelWithinAsync(enrolment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CancelResult(enrolment.SessionId, promoted?.WorkerId);
    }

    /// <summary>
    /// Cancels an active enrolment inside the caller's transaction: its seat goes to the first worker waiting, with
    /// their notice on the unit of work, or back to the session. Returns who got the seat; the caller saves.
    /// </summary>
    internal async Task<Enrolment?> CancelWithinAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        var hadSeat = enrolment.Status == EnrolmentStatus.Confirmed;
        enrolment.Cancel(time.GetUtcNow());
        if (!hadSeat)
        {
            return null;
        }

        await db.LockRowAsync<TrainingSession>(enrolment.SessionId, cancellationToken);
        var promoted = await db.Enrolments
            .Where(e => e.SessionId == enrolment.SessionId && e.Status == EnrolmentStatus.Waiting)
            .OrderBy(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (promoted is null)
        {
            await db.TrainingSessions
                .Where(s => s.Id == enrolment.SessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken - 1), cancellationToken);
        }
        else
        {
            promoted.Promote();
            var session = await db.TrainingSessions.Include(s => s.Course).SingleAsync(s => s.Id == promoted.SessionId, cancellationToken);
            _outbox.Queue(TrainingNotices.Promoted(session, promoted));
        }

        return promoted;
    }

    /// <summary>The worker's enrolments that are not over, soonest session first, with waiting positions.</summary>
    public async Task<IReadOnlyList<MyEnrolment>> ListAsync(int workerId, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var enrolments = await db.Enrolments
            .Include(e => e.Session!.Course)
            .Where(e => e.WorkerId == workerId && (e.Status == EnrolmentStatus.Confirmed || e.Status == EnrolmentStatus.Waiting) && e.Session!.EndsOn >= today)
            .OrderBy(e => e.Session!.StartsOn)
            .ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var list = new List<MyEnrolment>(enrolments.Count);
        foreach (var enrolment in enrolments)
        {
            list.Add(new(enrolment.Id, enrolment.Session!, enrolment.Status, enrolment.Code, await PositionAsync(enrolment, cancellationToken)));
        }

        return list;
    }

    /// <summary>The place on the waiting list, 1 for the next to get a seat; null when the enrolment is not waiting.</summary>
    public async Task<int?> PositionAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return enrolment.Status != EnrolmentStatus.Waiting
            ? null
            : 1 + await db.Enrolments.CountAsync(e => e.SessionId == enrolment.SessionId && e.Status == EnrolmentStatus.Waiting && e.Id < enrolment.Id, cancellationToken);
    }

    /// <summary>How many are waiting for a seat in the session.</summary>
    public Task<int> WaitingCountAsync(int sessionId, CancellationToken cancellationToken) =>
        db.Enrolments.CountAsync(e => e.SessionId == sessionId && e.Status == EnrolmentStatus.Waiting, cancellationToken);

    private Task<Enrolment?> FindActiveAsync(int workerId, int sessionId, CancellationToken cancellationToken) =>
        db.Enrolments.AsNoTracking().SingleOrDefaultAsync(
            e => e.WorkerId == workerId && e.SessionId == sessionId && (e.Status == EnrolmentStatus.Confirmed || e.Status == EnrolmentStatus.Waiting),
            cancellationToken);
}

/// <summary>What came of an enrolment: each case carries what the worker is told.</summary>
public abstract record EnrolResult
{
    private EnrolResult()
    {
    }

    public sealed record Confirmed(string Code) : EnrolResult;

    public sealed record Waiting(string Code, int Position) : EnrolResult;

    /// <summary>Already enrolled or waiting: <paramref name="Position"/> is null when they have a seat.</summary>
    public sealed record AlreadyEnrolled(string Code, int? Position) : EnrolResult;

    public sealed record Refused(string Reason) : EnrolResult;
}

/// <summary>A cancellation, and the waiting worker who got the seat, if one did.</summary>
public sealed record CancelResult(int SessionId, int? PromotedWorkerId);

/// <summary>One line of 我的报名.</summary>
public sealed record MyEnrolment(int EnrolmentId, TrainingSession Session, EnrolmentStatus Status, string Code, int? Position);
