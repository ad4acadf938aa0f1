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
    /// <summary>Whether <see cref="TripSignUp"/> can be filtered by yet: false until the return trips are merged.</summary>
    public const bool KnowsTrips = false;

    /// <summary>The workers of <paramref name="audience"/> in <paramref name="year"/> (China time), whether or not they consent.</summary>
    public static IQueryable<Worker> Workers(PingtangDb db, Audience audience, int year)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audience);
        var workers = db.Workers.AsNoTracking();
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

        return WithTrip(workers, audience.Trip);
    }

    public static async Task<AudienceSize> SizeAsync(PingtangDb db, Audience audience, int year, CancellationToken cancellationToken)
    {
        var workers = Workers(db, audience, year);
        var total = await workers.CountAsync(cancellationToken);
        var consenting = workers.Where(w => w.AcceptsReminders);
        var consentingCount = await consenting.CountAsync(cancellationToken);
        var reachable = await consenting.Where(w => db.Set<WorkerChannel>().Any(c => c.WorkerId == w.Id)).CountAsync(cancellationToken);
        return new(total, consentingCount, reachable);
    }

    /// <summary>
    /// MERGE (return trips, on their own branch): replace the refusal with
    /// <c>workers.Where(w => db.TripBookings.Any(b => b.WorkerId == w.Id &amp;&amp; b.Status is booked) == (trip == TripSignUp.SignedUp))</c>
    /// and set <see cref="KnowsTrips"/>. Until then <see cref="Audience.Validate"/> refuses anything but Any.
    /// </summary>
    private static IQueryable<Worker> WithTrip(IQueryable<Worker> workers, TripSignUp trip) =>
        trip == TripSignUp.Any ? workers : throw new DomainException("返岗报名上线后才能按是否报名筛选");
}
