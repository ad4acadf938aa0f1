using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>The departures workers can sign up for today (China time): what 返岗报名 offers, by destination.</summary>
public sealed class TripTimetable(PingtangDb db, TimeProvider time)
{
    /// <summary>The destinations of open departures, soonest departure first.</summary>
    public async Task<IReadOnlyList<string>> OpenCitiesAsync(CancellationToken cancellationToken)
    {
        var cities = await Open().OrderBy(t => t.DepartsOn).ThenBy(t => t.DepartsAt).Select(t => t.DestinationCity).ToListAsync(cancellationToken);
        return [.. cities.Distinct()];
    }

    /// <summary>The open departures to <paramref name="city"/>, soonest first, full ones included: they take a waiting list.</summary>
    public async Task<IReadOnlyList<ReturnTrip>> OpenTripsAsync(string city, CancellationToken cancellationToken) =>
        await Open().Include(t => t.PickupPoints)
            .Where(t => t.DestinationCity == city)
            .OrderBy(t => t.DepartsOn).ThenBy(t => t.DepartsAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);

    public Task<ReturnTrip?> FindAsync(int tripId, CancellationToken cancellationToken) =>
        db.ReturnTrips.AsNoTracking().Include(t => t.PickupPoints).SingleOrDefaultAsync(t => t.Id == tripId, cancellationToken);

    /// <summary><see cref="ReturnTrip.IsOpen"/> as a query.</summary>
    private IQueryable<ReturnTrip> Open()
    {
        var today = ChinaTime.Today(time);
        return db.ReturnTrips.AsNoTracking().Where(t => t.CancelledAt == null && t.SignUpBy >= today && t.DepartsOn > today);
    }
}
