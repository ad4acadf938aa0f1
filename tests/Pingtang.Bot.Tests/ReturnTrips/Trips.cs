using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.ReturnTrips;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>Departures and bookings put into a test host's database, for the return-trip tests.</summary>
internal static class Trips
{
    public static async Task<ReturnTrip> PlanAsync(PingtangFactory factory, ReturnTripDetails details)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await TripData.PlanAsync(scope.ServiceProvider.GetRequiredService<PingtangDb>(), details);
    }

    /// <summary>The worker behind <paramref name="userId"/> (who must have written once) books one seat at the first pickup point.</summary>
    public static async Task<TripSignUpResult> SignUpAsync(PingtangFactory factory, string userId, ReturnTrip trip, string name, string mobile)
    {
        var workerId = await WorkerProfiles.WorkerIdAsync(factory, userId);
        await using var scope = factory.Services.CreateAsyncScope();
        var signUp = new TripSignUp(workerId, trip.Id, trip.PickupPoints[0].Id, [TripData.Traveller(name, mobile)]);
        return await scope.ServiceProvider.GetRequiredService<TripBookings>().SignUpAsync(signUp, default);
    }

    public static async Task<T> QueryAsync<T>(PingtangFactory factory, Func<PingtangDb, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PingtangDb>());
    }

    public static Task<List<TripBooking>> BookingsAsync(PingtangFactory factory) =>
        QueryAsync(factory, db => db.TripBookings.AsNoTracking().Include(b => b.Travellers).Include(b => b.PickupPoint).OrderBy(b => b.Id).ToListAsync());
}
