using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// The 车长's side of a departure, reached by its <see cref="ReturnTrip.BoardingKey"/> alone: who is booked at each
/// pickup point, and marking them on board. A key of no departure, or an old key after staff renewed it, finds
/// nothing and changes nothing.
/// </summary>
public sealed class TripBoarding(PingtangDb db, TimeProvider time, StationTrips trips)
{
    /// <summary>The departure's passenger list for its 车长, or null when the key is no departure's.</summary>
    public async Task<PassengerList?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var trip = await TripOfAsync(key, cancellationToken);
        return trip is null ? null : await trips.PassengersAsync(trip, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Marks a confirmed traveller of the key's departure on board, or takes the mark back; false when the key or the traveller is not that departure's.</summary>
    public async Task<bool> MarkAsync(string key, int travellerId, bool boarded, CancellationToken cancellationToken)
    {
        if (await TripOfAsync(key, cancellationToken) is not { } trip)
        {
            return false;
        }

        var traveller = await db.TripBookings
            .Where(b => b.TripId == trip.Id && b.Status == BookingStatus.Confirmed)
            .SelectMany(b => b.Travellers)
            .SingleOrDefaultAsync(t => t.Id == travellerId, cancellationToken);
        if (traveller is null)
        {
            return false;
        }

        traveller.MarkBoarded(boarded, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Keys are 32 lower-case hex digits: anything else is not looked up. A cancelled departure keeps its page, so the
    /// 车长 sees it is cancelled rather than a dead link.
    /// </summary>
    private async Task<ReturnTrip?> TripOfAsync(string key, CancellationToken cancellationToken) =>
        key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower)
            ? await db.ReturnTrips.AsNoTracking().Include(t => t.PickupPoints).SingleOrDefaultAsync(t => t.BoardingKey == key, cancellationToken)
            : null;
}
