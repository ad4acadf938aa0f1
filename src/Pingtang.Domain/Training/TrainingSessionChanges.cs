using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Training;

/// <summary>
/// Staff cancel or move a session. The change, the enrolments it ends and a <see cref="TrainingNotice"/> for every
/// worker enrolled or waiting are saved in one transaction, so no worker who enrolled a moment before is missed and
/// none is told about a change that did not happen. Sending the notices is the bot's job.
/// </summary>
public sealed class TrainingSessionChanges(PingtangDb db, TimeProvider time)
{
    /// <summary>Cancels the session and its live enrolments; the workers to tell, or null when there is no such session.</summary>
    public async Task<IReadOnlyList<int>?> CancelAsync(int sessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.TrainingSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
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

        var workers = Notify(sessionId, active, TrainingNoticeKind.Cancelled, now);
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
        var session = await db.TrainingSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var moved = session.IsMovedBy(details);
        session.Change(details, ChinaTime.Today(time));
        var workers = moved && !session.IsCancelled
            ? Notify(sessionId, await ActiveAsync(sessionId, cancellationToken), TrainingNoticeKind.Moved, time.GetUtcNow())
            : [];
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return workers;
    }

    /// <summary>The session's notices not yet sent, oldest first.</summary>
    public async Task<IReadOnlyList<TrainingNotice>> UnsentAsync(int sessionId, CancellationToken cancellationToken) =>
        await db.TrainingNotices.AsNoTracking()
            .Where(n => n.SessionId == sessionId && n.SentAt == null)
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The sessions that have notices not yet sent.</summary>
    public async Task<IReadOnlyList<int>> SessionsWithUnsentAsync(CancellationToken cancellationToken) =>
        await db.TrainingNotices.Where(n => n.SentAt == null).Select(n => n.SessionId).Distinct().ToListAsync(cancellationToken);

    /// <summary>Marks the notice sent before it is sent; false when another run already has it.</summary>
    public async Task<bool> ClaimAsync(int noticeId, CancellationToken cancellationToken) =>
        await db.TrainingNotices
            .Where(n => n.Id == noticeId && n.SentAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.SentAt, time.GetUtcNow()), cancellationToken) == 1;

    /// <summary>Gives a notice whose send failed back to the next run.</summary>
    public Task ReleaseAsync(int noticeId, CancellationToken cancellationToken) =>
        db.TrainingNotices
            .Where(n => n.Id == noticeId)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.SentAt, (DateTimeOffset?)null), cancellationToken);

    private Task<List<Enrolment>> ActiveAsync(int sessionId, CancellationToken cancellationToken) =>
        db.Enrolments
            .Where(e => e.SessionId == sessionId && (e.Status == EnrolmentStatus.Confirmed || e.Status == EnrolmentStatus.Waiting))
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);

    private List<int> Notify(int sessionId, List<Enrolment> enrolments, TrainingNoticeKind kind, DateTimeOffset now)
    {
        var workers = enrolments.Select(e => e.WorkerId).Distinct().ToList();
        db.TrainingNotices.AddRange(workers.Select(w => TrainingNotice.Create(sessionId, w, kind, now)));
        return workers;
    }
}
