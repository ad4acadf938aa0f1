using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Training;

/// <summary>
/// Staff cancel or move a session. The change, the enrolments it ends and a notice in the outbox for every worker
/// enrolled or waiting (<see cref="TrainingNotices"/>) are saved in one transaction, so no worker who enrolled a
/// moment before is missed and none is told about a change that did not happen. The outbox's sender sends them.
/// </summary>
public sealed class TrainingSessionChanges(PingtangDb db, TimeProvider time)
{
    /// <summary>On this unit of work, so a notice is saved with the change or not at all.</summary>
    private readonly OutboxMessages _outbox = new(db, time);

    /// <summary>Cancels the session and its live enrolments; the workers to tell, or null when there is no such session.</summary>
    public async Task<IReadOnlyList<int>?> CancelAsync(int sessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<TrainingSession>(sessionId, cancellationToken);
        var session = await db.TrainingSessions.Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.IsCancelled)
        {
            return [];
        }

        session.Cancel(now);
        var active = await ActiveAsync(sessionId, cancellationToken);
        foreach (var enrolment in active)
        {
            // Seats taken stay as they were: a cancelled session takes no enrolments, and the count shows who had a seat.
            enrolment.Cancel(now);
        }

        var workers = Notify(active, worker => TrainingNotices.Cancelled(session, worker));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return workers;
    }

    /// <summary>
    /// Changes the session's details; when its place, dates or times change, the workers enrolled or waiting are to
    /// be told. Throws <see cref="DomainException"/> for details the session cannot take.
    /// </summary>
    public async Task<IReadOnlyList<int>?> ChangeAsync(int sessionId, TrainingSessionDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<TrainingSession>(sessionId, cancellationToken);
        var session = await db.TrainingSessions.Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var moved = session.IsMovedBy(details);
        session.Change(details, ChinaTime.Today(time));
        var workers = moved && !session.IsCancelled
            ? Notify(await ActiveAsync(sessionId, cancellationToken), worker => TrainingNotices.Moved(session, worker, time.GetUtcNow()))
            : [];
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return workers;
    }

    private Task<List<Enrolment>> ActiveAsync(int sessionId, CancellationToken cancellationToken) =>
        db.Enrolments
            .Where(e => e.SessionId == sessionId && (e.Status == EnrolmentStatus.Confirmed || e.Status == EnrolmentStatus.Waiting))
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);

    private List<int> Notify(List<Enrolment> enrolments, Func<int, OutboxDraft> notice)
    {
        var workers = enrolments.Select(e => e.WorkerId).Distinct().ToList();
        workers.ForEach(worker => _outbox.Queue(notice(worker)));
        return workers;
    }
}
