using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// What a booking's worker is told when it changes for them outside their own turn — staff cancelled or moved the
/// departure, or a seat came free — as outbox
/// messages, queued in the transaction of the change.
/// </summary>
public static class TripNotices
{
    /// <summary>What staff read on the outbox page.</summary>
    public const string PromotedKind = "返岗候补转正通知";

    /// <summary>What workers send to see, change or cancel their bookings; every notice tells them.</summary>
    public const string MyTrips = "我的返岗";

    /// <summary>What staff read on the outbox page for a departure staff cancelled.</summary>
    public const string CancelledKind = "返岗班次取消通知";

    /// <summary>To the worker of one booking (confirmed or waiting) of a departure staff cancelled.</summary>
    public static OutboxDraft Cancelled(ReturnTrip trip, TripBooking booking)
    {
        ArgumentNullException.ThrowIfNull(trip);
        ArgumentNullException.ThrowIfNull(booking);
        return new(
            booking.WorkerId,
            CancelledKind,
            MessagePurpose.Practical,
            $"trip-cancelled:{booking.Id}",
            $"【返岗班次取消】很抱歉，{trip.Title} 已取消，您的报名（确认码 {booking.Code}，{booking.SeatCount}人）也随之取消。可以回复「返岗报名」选别的班次，有问题请打车长电话 {trip.LeaderPhone}。");
    }

    /// <summary>What staff read on the outbox page for a departure whose day or times staff changed.</summary>
    public const string MovedKind = "返岗班次调整通知";

    /// <param name="movedAt">When staff saved the change: each change is a notice of its own.</param>
    public static OutboxDraft Moved(ReturnTrip trip, TripBooking booking, PickupPoint point, DateTimeOffset movedAt)
    {
        ArgumentNullException.ThrowIfNull(trip);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(point);
        return new(
            booking.WorkerId,
            MovedKind,
            MessagePurpose.Practical,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"trip-moved:{booking.Id}:{movedAt.UtcTicks}"),
            $"【返岗班次调整】您报名的班次有变动，现为：{trip.Title}，上车点：{point.Describe()}。确认码：{booking.Code}。如不能去，请回复「{MyTrips}」取消；有问题请打车长电话 {trip.LeaderPhone}。");
    }

    public static OutboxDraft Promoted(ReturnTrip trip, TripBooking booking, PickupPoint point)
    {
        ArgumentNullException.ThrowIfNull(trip);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(point);
        return new(
            booking.WorkerId,
            PromotedKind,
            MessagePurpose.Practical,
            $"trip-promoted:{booking.Id}",
            $"【返岗候补成功】您候补的 {trip.Title} 有座位了，{booking.SeatCount}人已确认。上车点：{point.Describe()}。确认码：{booking.Code}。回复「{MyTrips}」查看、改上车点或取消。");
    }
}
