using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// Decides the reminders of return trips and queues them on the outbox: from <see cref="SendFrom"/> in China, three
/// days before a departure (time to pack and ask for leave) and on its eve, one message to each recipient of each
/// confirmed booking (<see cref="Recipients"/>) — never for a cancelled departure or a waiting or cancelled booking.
/// </summary>
/// <remarks>
/// Each reminder's outbox key names the booking, the recipient, the departure date, the stage, and the pickup point
/// with its time, so a job that runs twice queues it once, while a departure or pickup moved by staff (or a pickup
/// point changed by the worker) after a reminder deserves, and gets, a new one.
/// </remarks>
public sealed class TripReminders(PingtangDb db, TimeProvider time)
{
    /// <summary>What staff read on the outbox page.</summary>
    public const string Kind = "返岗提醒";

    /// <summary>Reminders go out from 09:00 China time on their day.</summary>
    public static readonly TimeOnly SendFrom = new(9, 0);

    /// <summary>How many days before the departure reminders go: 3, then the eve.</summary>
    public static readonly IReadOnlyList<int> DaysBefore = [3, 1];

    private readonly OutboxMessages _outbox = new(db, time);

    /// <summary>The departure dates whose reminders are due at <paramref name="instant"/>; none before 09:00 in China.</summary>
    public static IReadOnlyList<DateOnly> DepartureDatesDueAt(DateTimeOffset instant)
    {
        var china = ChinaTime.Of(instant);
        var today = DateOnly.FromDateTime(china.DateTime);
        return TimeOnly.FromDateTime(china.DateTime) < SendFrom ? [] : [.. DaysBefore.Select(today.AddDays)];
    }

    public static string Key(int bookingId, int workerId, DateOnly departsOn, int daysBefore, PickupPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return string.Create(CultureInfo.InvariantCulture, $"trip-reminder:{bookingId}:{workerId}:{departsOn:yyyyMMdd}:{daysBefore}:{point.Id}:{point.Time:HHmm}");
    }

    /// <summary>
    /// Who is reminded of a booking, each with the travellers their message is for: every traveller with a chat of
    /// their own gets their own; whoever signed up gets one for themselves and for the travellers without a chat,
    /// whom they tell. A leader who does not travel, whose neighbours all have chats, gets none.
    /// </summary>
    public static IReadOnlyList<TripReminderRecipient> Recipients(TripBooking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var byBooker = booking.Travellers.Where(t => t.WorkerId is null || t.WorkerId == booking.WorkerId).ToList();
        var own = booking.Travellers
            .Where(t => t.WorkerId is { } id && id != booking.WorkerId)
            .GroupBy(t => t.WorkerId!.Value)
            .Select(g => new TripReminderRecipient(g.Key, [.. g], ForOthers: false));
        return byBooker.Count == 0 ? [.. own] : [new(booking.WorkerId, byBooker, byBooker.Any(t => t.WorkerId is null)), .. own];
    }

    /// <summary>Up to <paramref name="count"/> bookings, by id after <paramref name="afterBookingId"/>, whose reminders are due now.</summary>
    public async Task<IReadOnlyList<int>> DueAsync(int afterBookingId, int count, CancellationToken cancellationToken)
    {
        var dates = DepartureDatesDueAt(time.GetUtcNow());
        return dates.Count == 0 ? [] : await Due(dates).Select(b => b.Id).NextBatchAsync(afterBookingId, count, cancellationToken);
    }

    /// <summary>
    /// Queues the reminders of those <paramref name="bookingIds"/> still due now that are not queued yet; returns how
    /// many were new. Call it with nothing else unsaved.
    /// </summary>
    public async Task<int> QueueAsync(IReadOnlyCollection<int> bookingIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var dates = DepartureDatesDueAt(now);
        if (dates.Count == 0)
        {
            return 0;
        }

        var bookings = await Due(dates)
            .AsNoTracking()
            .Include(b => b.Trip)
            .Include(b => b.PickupPoint)
            .Include(b => b.Travellers.OrderBy(t => t.Id))
            .Where(b => bookingIds.Contains(b.Id))
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var today = ChinaTime.DateOf(now);
        return await _outbox.QueueOnceAsync([.. bookings.SelectMany(b => Drafts(b, b.Trip!.DepartsOn.DayNumber - today.DayNumber))], cancellationToken);
    }

    /// <summary>Practical: the travellers asked for the trip by signing up (see <see cref="Due"/>).</summary>
    private static IEnumerable<OutboxDraft> Drafts(TripBooking booking, int daysBefore) =>
        Recipients(booking).Select(r => new OutboxDraft(
            r.WorkerId,
            Kind,
            MessagePurpose.Practical,
            Key(booking.Id, r.WorkerId, booking.Trip!.DepartsOn, daysBefore, booking.PickupPoint!),
            TripReminderTexts.Message(booking, r, daysBefore)));

    /// <summary>Confirmed bookings of departures on <paramref name="dates"/> that are not cancelled.</summary>
    /// <remarks>
    /// Consent (<see cref="Workers.Worker.AcceptsReminders"/>) is deliberately not checked, here or by the outbox: a
    /// worker who sent 退订 turned off promotions, not the news of where their own bus leaves from tomorrow.
    /// </remarks>
    private IQueryable<TripBooking> Due(IReadOnlyList<DateOnly> dates) =>
        db.TripBookings.Where(b =>
            b.Status == BookingStatus.Confirmed
            && dates.Contains(b.Trip!.DepartsOn)
            && b.Trip.CancelledAt == null);
}

/// <summary>One reminder of a booking: to whom, for which travellers, and whether some of them are others to tell.</summary>
public sealed record TripReminderRecipient(int WorkerId, IReadOnlyList<Traveller> Travellers, bool ForOthers);
