using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Broadcasts;

/// <summary>How many workers an audience is: all of them, those who agreed to messages, and those a channel reaches.</summary>
public sealed record AudienceSize(int Total, int Consenting, int Reachable);

/// <summary>
/// The one query of who a campaign is for: counted for staff before they send, and walked by the fan-out. Each
/// criterion is one <c>Where</c> on the workers, so a new one is one more.
/// </summary>
public static class CampaignAudience
{
    /// <summary>The workers of <paramref name="audience"/> on <paramref name="today"/> (China time), whether or not they consent.</summary>
    public static IQueryable<Worker> Workers(PingtangDb db, Audience audience, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audience);
        // A worker merged into another is that other now, counted and reached once, as them.
        var workers = db.Workers.AsNoTracking().Where(w => w.MergedIntoId == null);
        if (audience.Townships is { Count: > 0 } townships)
        {
            workers = workers.Where(w => w.HomeTownship != null && townships.Contains(w.HomeTownship));
        }

        if (audience.Places is { Count: > 0 } places)
        {
            workers = workers.Where(w => w.CurrentCity != null && places.Any(p => w.CurrentCity.Contains(p)));
        }

        if (audience.Trades is { Count: > 0 } trades)
        {
            workers = workers.Where(w => w.Trades.Any(t => trades.Contains(t)));
        }

        // Born in or before this year: the age they turn this year is at least the minimum.
        var year = today.Year;
        if (audience.MinAge is { } min)
        {
            var bornBy = year - min;
            workers = workers.Where(w => w.BirthYear != null && w.BirthYear <= bornBy);
        }

        if (audience.MaxAge is { } max)
        {
            var bornFrom = year - max;
            workers = workers.Where(w => w.BirthYear != null && w.BirthYear >= bornFrom);
        }

        if (audience.ChannelId is { } channel)
        {
            workers = workers.Where(w => db.Set<WorkerChannel>().Any(c => c.WorkerId == w.Id && c.ChannelId == channel));
        }

        return WithTrip(db, workers, audience.Trip, today);
    }

    public static async Task<AudienceSize> SizeAsync(PingtangDb db, Audience audience, DateOnly today, CancellationToken cancellationToken)
    {
        var workers = Workers(db, audience, today);
        var total = await workers.CountAsync(cancellationToken);
        var consenting = workers.Where(w => w.AcceptsReminders);
        var consentingCount = await consenting.CountAsync(cancellationToken);
        var reachable = await consenting.Where(w => db.Set<WorkerChannel>().Any(c => c.WorkerId == w.Id)).CountAsync(cancellationToken);
        return new(total, consentingCount, reachable);
    }

    /// <summary>
    /// Signed up: on a live booking (confirmed or waiting) of a departure not gone yet — as the one who booked, or as a
    /// traveller a 劳务带头人 signed up who has a chat of their own.
    /// </summary>
    private static IQueryable<Worker> WithTrip(PingtangDb db, IQueryable<Worker> workers, TripFilter trip, DateOnly today)
    {
        if (trip == TripFilter.Any)
        {
            return workers;
        }

        var live = db.TripBookings.Where(b =>
            (b.Status == ReturnTrips.BookingStatus.Confirmed || b.Status == ReturnTrips.BookingStatus.Waiting) && b.Trip!.DepartsOn >= today);
        var signedUp = trip == TripFilter.SignedUp;
        return workers.Where(w => live.Any(b => b.WorkerId == w.Id || b.Travellers.Any(t => t.WorkerId == w.Id)) == signedUp);
    }
}
