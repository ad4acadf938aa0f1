using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Tests.ReturnTrips;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>Departures and bookings put straight into a test host's database, through the domain's own services.</summary>
public static class Trips
{
    /// <summary>Valid ID-card numbers (check digits right) for train travellers.</summary>
    public const string IdNumberA = "522727198505051232";

    public const string IdNumberB = "522727199211114562";

    public static async Task<ReturnTrip> PlanAsync(PingtangFactory factory, ReturnTripDetails details, int stationId = Station.CountyCentreId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var trip = ReturnTrip.Plan(details, Domain.Tests.Training.TrainingData.Today, stationId);
        db.ReturnTrips.Add(trip);
        await db.SaveChangesAsync();
        return trip;
    }

    /// <summary>A new worker books <paramref name="travellers"/> at the trip's pickup point <paramref name="point"/> (0: the first).</summary>
    public static async Task<TripSignUpResult> SignUpAsync(PingtangFactory factory, int tripId, int point, bool byLeader, params TravellerDetails[] travellers)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(travellers);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var points = await db.ReturnTrips.Where(t => t.Id == tripId).SelectMany(t => t.PickupPoints).OrderBy(p => p.Time).Select(p => p.Id).ToListAsync();
        var worker = await WorkerProfiles.AddAsync(db, $"报名人{travellers[0].Name}", travellers[0].Mobile);
        return await scope.ServiceProvider.GetRequiredService<TripBookings>().SignUpAsync(new(worker, tripId, points[point], travellers, byLeader), default);
    }

    public static Task<TripSignUpResult> SignUpAsync(PingtangFactory factory, int tripId, params TravellerDetails[] travellers) =>
        SignUpAsync(factory, tripId, 0, false, travellers);

    public static TravellerDetails Traveller(string name, string mobile, string? idNumber = null) => TripData.Traveller(name, mobile, idNumber);

    /// <summary>The trip's travellers by name → id.</summary>
    public static async Task<Dictionary<string, int>> TravellerIdsAsync(PingtangFactory factory, int tripId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().TripBookings.Where(b => b.TripId == tripId)
            .SelectMany(b => b.Travellers).ToDictionaryAsync(t => t.Name, t => t.Id);
    }

    public static async Task<T> ReadAsync<T>(PingtangFactory factory, Func<PingtangDb, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PingtangDb>());
    }

    /// <summary>The worker behind <paramref name="userId"/> (who must have written once) books one seat at the first pickup point.</summary>
    public static async Task<TripSignUpResult> SignUpAsync(PingtangFactory factory, string userId, ReturnTrip trip, string name, string mobile)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var workerId = await WorkerProfiles.WorkerIdAsync(factory, userId);
        await using var scope = factory.Services.CreateAsyncScope();
        var signUp = new TripSignUp(workerId, trip.Id, trip.PickupPoints[0].Id, [TripData.Traveller(name, mobile)]);
        return await scope.ServiceProvider.GetRequiredService<TripBookings>().SignUpAsync(signUp, default);
    }

    public static Task<List<TripBooking>> BookingsAsync(PingtangFactory factory) =>
        ReadAsync(factory, db => db.TripBookings.AsNoTracking().Include(b => b.Travellers.OrderBy(t => t.Id)).Include(b => b.PickupPoint).OrderBy(b => b.Id).ToListAsync());

    /// <summary>The departure form's fields for <paramref name="details"/>, pickup rows included.</summary>
    public static Dictionary<string, string> Form(ReturnTripDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var form = new Dictionary<string, string>
        {
            ["mode"] = details.Mode.ToString(),
            ["destination"] = details.DestinationCity,
            ["departsOn"] = $"{details.DepartsOn:yyyy-MM-dd}",
            ["departsAt"] = $"{details.DepartsAt:HH\\:mm}",
            ["seats"] = $"{details.Seats}",
            ["signUpBy"] = $"{details.SignUpBy:yyyy-MM-dd}",
            ["leaderName"] = details.LeaderName,
            ["leaderPhone"] = details.LeaderPhone,
            ["notes"] = details.Notes,
        };
        foreach (var (point, i) in details.PickupPoints.Select((p, i) => (p, i)))
        {
            form[$"township{i}"] = point.Township;
            form[$"place{i}"] = point.Place;
            form[$"time{i}"] = $"{point.Time:HH\\:mm}";
        }

        form[$"township{details.PickupPoints.Count}"] = "";
        return form;
    }
}
