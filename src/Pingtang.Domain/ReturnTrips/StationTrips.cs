using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// The departures as the staff console shows them: a station's staff see the departures their station organises
/// and their passenger lists, an administrator (a null station) every station's.
/// </summary>
public sealed class StationTrips(PingtangDb db)
{
    /// <summary>
    /// The departures of <paramref name="stationId"/> (every station's when null): those not gone yet on
    /// <paramref name="today"/> soonest first, then those gone, latest first, with their counts.
    /// </summary>
    public async Task<IReadOnlyList<TripLine>> ListAsync(int? stationId, DateOnly today, CancellationToken cancellationToken)
    {
        var trips = db.ReturnTrips.AsNoTracking();
        if (stationId is { } station)
        {
            trips = trips.Where(t => t.StationId == station);
        }

        var lines = await trips
            .Select(t => new TripLine(
                t,
                t.Station!.Name,
                db.TripBookings.Where(b => b.TripId == t.Id && b.Status == BookingStatus.Waiting).Sum(b => (int?)b.SeatCount) ?? 0,
                db.TripBookings.Where(b => b.TripId == t.Id && b.Status == BookingStatus.Confirmed).SelectMany(b => b.Travellers).Count(x => x.BoardedAt != null)))
            .ToListAsync(cancellationToken);
        // A few hundred departures a season at most: ordered here, where "gone" can sort the other way.
        return
        [
            .. lines.Where(l => l.Trip.DepartsOn >= today).OrderBy(l => l.Trip.DepartsOn).ThenBy(l => l.Trip.DepartsAt).ThenBy(l => l.Trip.Id),
            .. lines.Where(l => l.Trip.DepartsOn < today).OrderByDescending(l => l.Trip.DepartsOn).ThenByDescending(l => l.Trip.DepartsAt),
        ];
    }

    /// <summary>One departure with its pickup points and station, or null when there is none with that id.</summary>
    public Task<ReturnTrip?> FindAsync(int tripId, CancellationToken cancellationToken) =>
        db.ReturnTrips.AsNoTracking().Include(t => t.PickupPoints).Include(t => t.Station).SingleOrDefaultAsync(t => t.Id == tripId, cancellationToken);

    /// <summary>
    /// Every traveller of the departure's confirmed and waiting bookings, with who signed them up: confirmed first by
    /// pickup time, then the waiting list in arrival order. Personal data: for the organising station's staff only.
    /// </summary>
    public async Task<PassengerList> PassengersAsync(ReturnTrip trip, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var bookings = await db.TripBookings.AsNoTracking()
            .Where(b => b.TripId == trip.Id && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waiting))
            .OrderBy(b => b.Id)
            .Select(b => new { Booking = b, Travellers = b.Travellers.OrderBy(t => t.Id).ToList(), SignedUpBy = b.Worker!.Name })
            .ToListAsync(cancellationToken);
        var lines = bookings.SelectMany(b => b.Travellers.Select(t => new PassengerLine(b.Booking, t, b.SignedUpBy))).ToList();
        return new PassengerList(trip, lines, now);
    }
}

/// <summary>One departure in the staff's list; <see cref="Waiting"/> counts seats asked for on the waiting list.</summary>
public sealed record TripLine(ReturnTrip Trip, string Station, int Waiting, int Boarded);

/// <summary>One traveller of a booking; <see cref="SignedUpBy"/> is the name of the worker who made the booking.</summary>
public sealed record PassengerLine(TripBooking Booking, Traveller Traveller, string? SignedUpBy);

/// <summary>
/// A departure's passengers: the confirmed by pickup point, the waiting list in arrival order, and the counts staff and
/// the 车长 go by. No-shows are counted only once the departure has left.
/// </summary>
public sealed class PassengerList(ReturnTrip trip, IReadOnlyList<PassengerLine> lines, DateTimeOffset now)
{
    public ReturnTrip Trip => trip;

    /// <summary>Confirmed travellers by pickup point in pickup order, in arrival order within each.</summary>
    public IReadOnlyList<PickupGroup> ByPickupPoint { get; } =
        [.. trip.PickupPoints.OrderBy(p => p.Time).ThenBy(p => p.Township)
            .Select(point => new PickupGroup(point, [.. lines.Where(l => l.Booking.Status == BookingStatus.Confirmed && l.Booking.PickupPointId == point.Id)]))];

    public IReadOnlyList<PassengerLine> Confirmed { get; } = [.. lines.Where(l => l.Booking.Status == BookingStatus.Confirmed)];

    /// <summary>Waiting travellers in arrival order, the first next to get seats.</summary>
    public IReadOnlyList<PassengerLine> Waiting { get; } = [.. lines.Where(l => l.Booking.Status == BookingStatus.Waiting)];

    public int SeatsTaken => trip.SeatsTaken;

    public int Boarded => Confirmed.Count(l => l.Traveller.HasBoarded);

    /// <summary>Whether the bus or train has left (its departure time, China time, has passed).</summary>
    public bool HasLeft { get; } = trip.DepartsOn.ToDateTime(trip.DepartsAt) <= ChinaTime.Of(now).DateTime;

    /// <summary>Confirmed travellers not on board once it has left; null before.</summary>
    public int? NoShows => HasLeft ? Confirmed.Count - Boarded : null;

    /// <summary>Where the traveller's booking boards: 克度镇 克度镇政府门口 06:30.</summary>
    public string PickupOf(PassengerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return trip.PickupPoints.Single(p => p.Id == line.Booking.PickupPointId).Describe();
    }
}

/// <summary>The confirmed travellers of one pickup point.</summary>
public sealed record PickupGroup(PickupPoint Point, IReadOnlyList<PassengerLine> Passengers);
