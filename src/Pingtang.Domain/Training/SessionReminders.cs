using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Training;

/// <summary>
/// Decides the day-before reminders of training sessions: from <see cref="SendFrom"/> in China on the day before a
/// session starts, each worker with a confirmed seat gets one, never on the session day or later, and never for a
/// cancelled session or a waiting or cancelled enrolment.
/// </summary>
/// <remarks>
/// The sender claims a reminder (<see cref="ClaimAsync"/>) before sending and releases it when the send fails
/// (<see cref="ReleaseAsync"/>), so a job that runs twice, or twice at once, never reminds anyone twice, and a server
/// that was down at 09:00 still reminds everyone later that day.
/// </remarks>
public sealed class SessionReminders(PingtangDb db, TimeProvider time)
{
    /// <summary>Reminders go out from 09:00 China time on the day before the session.</summary>
    public static readonly TimeOnly SendFrom = new(9, 0);

    /// <summary>The start date of the sessions whose reminders are due at <paramref name="instant"/>; null before 09:00 in China.</summary>
    public static DateOnly? StartDateDueAt(DateTimeOffset instant)
    {
        var china = TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone);
        return TimeOnly.FromDateTime(china.DateTime) < SendFrom ? null : DateOnly.FromDateTime(china.DateTime).AddDays(1);
    }

    /// <summary>Up to <paramref name="count"/> enrolments, by id after <paramref name="afterEnrolmentId"/>, whose reminder is due now.</summary>
    public async Task<IReadOnlyList<int>> DueAsync(int afterEnrolmentId, int count, CancellationToken cancellationToken)
    {
        if (StartDateDueAt(time.GetUtcNow()) is not { } startsOn)
        {
            return [];
        }

        return await Unreminded(startsOn).Select(e => e.Id).NextBatchAsync(afterEnrolmentId, count, cancellationToken);
    }

    /// <summary>
    /// Records the enrolment's reminder as sent and returns what it says, or null when none is due now: too early,
    /// already reminded, not confirmed, or the session cancelled. Send it, then <see cref="ReleaseAsync"/> it if that fails.
    /// </summary>
    public async Task<PendingSessionReminder?> ClaimAsync(int enrolmentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (StartDateDueAt(now) is not { } startsOn)
        {
            return null;
        }

        var enrolment = await Unreminded(startsOn)
            .AsNoTracking()
            .Include(e => e.Session!.Course)
            .SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var reminder = new SessionReminder { EnrolmentId = enrolmentId, StartsOn = startsOn, SentAt = now };
        // Another run may claim the same reminder at the same moment: the unique index keeps one.
        return await db.TryInsertAsync(reminder, () => RemindedAsync(enrolmentId, startsOn, cancellationToken), cancellationToken)
            ? new PendingSessionReminder(reminder.Id, enrolment.WorkerId, enrolment.Session!, enrolment.Code)
            : null;
    }

    /// <summary>Forgets a claimed reminder whose message could not be sent, so the next run tries again.</summary>
    public Task ReleaseAsync(int reminderId, CancellationToken cancellationToken) =>
        db.SessionReminders.Where(r => r.Id == reminderId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Confirmed enrolments in sessions starting on <paramref name="startsOn"/>, not cancelled, not yet reminded.
    /// </summary>
    /// <remarks>
    /// Consent (<see cref="Workers.Worker.AcceptsReminders"/>) is deliberately not checked: this reminder is practical,
    /// not promotional — the worker asked for it by enrolling, and a worker who turned reminders off must still learn
    /// where to be tomorrow and what to bring. Promotional messages (new sessions, job alerts) respect consent.
    /// </remarks>
    private IQueryable<Enrolment> Unreminded(DateOnly startsOn) =>
        db.Enrolments.Where(e =>
            e.Status == EnrolmentStatus.Confirmed
            && e.Session!.StartsOn == startsOn
            && e.Session.CancelledAt == null
            && !db.SessionReminders.Any(r => r.EnrolmentId == e.Id && r.StartsOn == startsOn));

    private Task<bool> RemindedAsync(int enrolmentId, DateOnly startsOn, CancellationToken cancellationToken) =>
        db.SessionReminders.AnyAsync(r => r.EnrolmentId == enrolmentId && r.StartsOn == startsOn, cancellationToken);
}

/// <summary>A claimed reminder: the session (with its course) and the worker's code, for the message.</summary>
public sealed record PendingSessionReminder(int Id, int WorkerId, TrainingSession Session, string Code);
