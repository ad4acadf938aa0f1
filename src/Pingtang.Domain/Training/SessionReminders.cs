using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Training;

/// <summary>
/// Decides the day-before reminders of training sessions and queues them on the outbox: from <see cref="SendFrom"/>
/// in China on the day before a session starts, each worker with a confirmed seat gets one, never on the session day
/// or later, and never for a cancelled session or a waiting or cancelled enrolment.
/// </summary>
/// <remarks>
/// Each reminder's outbox key names the enrolment and the start date, so a job that runs twice, or twice at once,
/// queues it once, and a server that was down at 09:00 still queues everyone's later that day.
/// </remarks>
public sealed class SessionReminders(PingtangDb db, TimeProvider time)
{
    /// <summary>What staff read on the outbox page.</summary>
    public const string Kind = "培训提醒";

    /// <summary>Reminders go out from 09:00 China time on the day before the session.</summary>
    public static readonly TimeOnly SendFrom = new(9, 0);

    private readonly OutboxMessages _outbox = new(db, time);

    /// <summary>The start date of the sessions whose reminders are due at <paramref name="instant"/>; null before 09:00 in China.</summary>
    public static DateOnly? StartDateDueAt(DateTimeOffset instant)
    {
        var china = TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone);
        return TimeOnly.FromDateTime(china.DateTime) < SendFrom ? null : DateOnly.FromDateTime(china.DateTime).AddDays(1);
    }

    /// <summary>
    /// The start date is part of the key because staff may move a session: the new date deserves its own reminder,
    /// and the old one must not come again.
    /// </summary>
    public static string Key(int enrolmentId, DateOnly startsOn) =>
        string.Create(CultureInfo.InvariantCulture, $"training-reminder:{enrolmentId}:{startsOn:yyyyMMdd}");

    /// <summary>Up to <paramref name="count"/> enrolments, by id after <paramref name="afterEnrolmentId"/>, whose reminder is due now.</summary>
    public async Task<IReadOnlyList<int>> DueAsync(int afterEnrolmentId, int count, CancellationToken cancellationToken)
    {
        if (StartDateDueAt(time.GetUtcNow()) is not { } startsOn)
        {
            return [];
        }

        return await Due(startsOn).Select(e => e.Id).NextBatchAsync(afterEnrolmentId, count, cancellationToken);
    }

    /// <summary>
    /// Queues the reminders of those <paramref name="enrolmentIds"/> still due now that are not queued yet; returns how
    /// many were new. Call it with nothing else unsaved.
    /// </summary>
    public async Task<int> QueueAsync(IReadOnlyCollection<int> enrolmentIds, CancellationToken cancellationToken)
    {
        if (StartDateDueAt(time.GetUtcNow()) is not { } startsOn)
        {
            return 0;
        }

        var enrolments = await Due(startsOn)
            .AsNoTracking()
            .Include(e => e.Session!.Course)
            .Where(e => enrolmentIds.Contains(e.Id))
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return await _outbox.QueueOnceAsync([.. enrolments.Select(e => Draft(e, startsOn))], cancellationToken);
    }

    /// <summary>Practical: the worker asked for it by enrolling (see <see cref="Due"/>).</summary>
    private static OutboxDraft Draft(Enrolment enrolment, DateOnly startsOn) => new(
        enrolment.WorkerId,
        Kind,
        MessagePurpose.Practical,
        Key(enrolment.Id, startsOn),
        SessionReminderTexts.Message(enrolment.Session!, enrolment.Code));

    /// <summary>Confirmed enrolments in sessions starting on <paramref name="startsOn"/> that are not cancelled.</summary>
    /// <remarks>
    /// Consent (<see cref="Workers.Worker.AcceptsReminders"/>) is deliberately not checked, here or by the outbox: this
    /// reminder is practical, not promotional — a worker who turned reminders off must still learn where to be
    /// tomorrow and what to bring. Promotional messages (new sessions, job alerts) respect consent.
    /// </remarks>
    private IQueryable<Enrolment> Due(DateOnly startsOn) =>
        db.Enrolments.Where(e =>
            e.Status == EnrolmentStatus.Confirmed
            && e.Session!.StartsOn == startsOn
            && e.Session.CancelledAt == null);
}
