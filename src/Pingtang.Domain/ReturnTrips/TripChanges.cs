using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// Staff change or cancel a departure. Each change is one transaction with what it causes: more seats go to those
/// waiting (<see cref="TripBookings.PromoteWaitingAsync"/>, each told), a cancellation ends every live booking, frees
/// the seats and queues one notice per booking (<see cref="TripNotices.Cancelled"/>), so nobody is missed and nobody
/// is told of a change that was not saved.
/// </summary>
public sealed class TripChanges(PingtangDb db, TimeProvider time, TripBookings bookings)
{
    /// <summary>On this unit of work, so a notice is saved with the change or not at all.</summary>
    private readonly OutboxMessages _outbox = new(db, time);

    /// <summary>
    /// Changes the departure's details; the workers whose waiting bookings got seats, or null when there is no such
    /// departure. Throws <see cref="DomainException"/> for details the departure cannot take (fewer seats than
    /// confirmed, a pickup point in use removed, a cancelled departure).
    /// </summary>
    public async Task<IReadOnlyList<int>?> ChangeAsync(int tripId, ReturnTripDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<ReturnTrip>(tripId, cancellationToken);
        var trip = await db.ReturnTrips.Include(t => t.PickupPoints).SingleOrDefaultAsync(t => t.Id == tripId, cancellationToken);
        if (trip is null)
        {
            return null;
        }

        if (trip.IsCancelled)
        {
            throw new DomainException(TripChangeTexts.AlreadyCancelled);
        }

        var pointsInUse = (await db.TripBookings
            .Where(b => b.TripId == tripId && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waiting))
            .Select(b => b.PickupPointId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var moreSeats = details.Seats > trip.Seats;
        var before = (trip.DepartsOn, trip.DepartsAt, Pickups: trip.PickupPoints.ToDictionary(p => p.Id, p => p.Time));
        trip.Change(details, ChinaTime.Today(time), pointsInUse);
        await QueueMovedAsync(trip, before.DepartsOn, before.DepartsAt, before.Pickups, cancellationToken);
        // The new seat count must be in the database first: the promotion takes seats with a conditional update there.
        await db.SaveChangesAsync(cancellationToken);
        var promoted = moreSeats ? await bookings.PromoteWaitingAsync(tripId, cancellationToken) : [];
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted;
    }

    /// <summary>
    /// Tells each live booking whose day, departure time or pickup time the change moved (<see cref="TripNotices.Moved"/>);
    /// other changes (seats, notes) concern nobody's plans.
    /// </summary>
    private async Task QueueMovedAsync(ReturnTrip trip, DateOnly departsOn, TimeOnly departsAt, Dictionary<int, TimeOnly> pickups, CancellationToken cancellationToken)
    {
        var dayMoved = trip.DepartsOn != departsOn || trip.DepartsAt != departsAt;
        var live = await db.TripBookings.AsNoTracking()
            .Where(b => b.TripId == trip.Id && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waiting))
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var booking in live)
        {
            var point = trip.PickupPoints.Single(p => p.Id == booking.PickupPointId);
            if (dayMoved || pickups.GetValueOrDefault(point.Id) != point.Time)
            {
                _outbox.Queue(TripNotices.Moved(trip, booking, point, now));
            }
        }
    }

    /// <summary>Cancels the departure and its live bookings; the workers told, or null when there is no such departure.</summary>
    public async Task<IReadOnlyList<int>?> CancelAsync(int tripId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<ReturnTrip>(tripId, cancellationToken);
        var trip = await db.ReturnTrips.SingleOrDefaultAsync(t => t.Id == tripId, cancellationToken);
        if (trip is null)
        {
            return null;
        }

        if (trip.IsCancelled)
        {
            return [];
        }

        trip.Cancel(now);
        var live = await db.TripBookings
            .Where(b => b.TripId == tripId && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waiting))
            .OrderBy(b => b.Id)
            .ToListAsync(cancellationToken);
        foreach (var booking in live)
        {
            booking.Cancel(now);
            _outbox.Queue(TripNotices.Cancelled(trip, booking));
        }

        await db.SaveChangesAsync(cancellationToken);
        // Freed in the database, as the bookings' own updates do: the seat count is never written from C#.
        await db.ReturnTrips.Where(t => t.Id == tripId).ExecuteUpdateAsync(s => s.SetProperty(t => t.SeatsTaken, 0), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. live.Select(b => b.WorkerId)];
    }

    /// <summary>A new boarding key for the 车长's link, the old link dead from now on; false when there is no such departure.</summary>
    public async Task<bool> RenewBoardingKeyAsync(int tripId, CancellationToken cancellationToken)
    {
        var trip = await db.ReturnTrips.SingleOrDefaultAsync(t => t.Id == tripId, cancellationToken);
        if (trip is null)
        {
            return false;
        }

        trip.RenewBoardingKey();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>What staff read when a change is refused.</summary>
public static class TripChangeTexts
{
    public const string AlreadyCancelled = "这一班已经取消，不能再修改";
}
