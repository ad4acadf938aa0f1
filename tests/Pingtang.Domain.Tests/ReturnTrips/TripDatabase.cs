using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Tests.Workers;

namespace Pingtang.Domain.Tests.ReturnTrips;

/// <summary>The return-trip tests' steps on a <see cref="TestDatabase"/>, each in a unit of work of its own as a turn would be.</summary>
internal sealed class TripDatabase(TestDatabase database)
{
    public AesIdNumberProtector Protector { get; } = new();

    public TripBookings Bookings(PingtangDb db) => new(db, database.Clock, Protector);

    /// <summary>The worker books <paramref name="travellers"/> at the departure's first pickup point.</summary>
    public async Task<TripSignUpResult> SignUpAsync(int workerId, ReturnTrip trip, bool byLeader, params TravellerDetails[] travellers)
    {
        await using var db = database.Open();
        return await Bookings(db).SignUpAsync(new TripSignUp(workerId, trip.Id, trip.PickupPoints[0].Id, travellers, byLeader), default);
    }

    public async Task<ReturnTrip> PlanAsync(ReturnTripDetails details)
    {
        await using var db = database.Open();
        return await TripData.PlanAsync(db, details);
    }

    public async Task<List<int>> WorkersAsync(int count)
    {
        await using var db = database.Open();
        return await TrainingData.WorkersAsync(db, database.Clock, count);
    }
}
