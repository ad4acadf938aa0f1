using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Tests.Workers;

namespace Pingtang.Domain.Tests.ReturnTrips;

/// <summary>
/// A departure filling in seconds: 200 workers sign up at once for 30 seats, each with a unit of work and a connection
/// of their own, on a SQLite file in WAL mode as the service keeps it. Nothing in C# counts the seats: only the
/// database's conditional update decides who gets the last ones.
/// </summary>
public sealed class TripSignUpConcurrencyTests : IAsyncLifetime
{
    private const int Workers = 200;
    private const int Seats = 30;

    private readonly FakeTimeProvider _clock = new(TestDatabase.DefaultNow);
    private readonly AesIdNumberProtector _protector = new();
    private FileDatabase _database = null!;

    public async Task InitializeAsync() => _database = await FileDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_hundred_at_once_for_thirty_seats_get_thirty_seats_and_a_waiting_list_in_arrival_order()
    {
        ReturnTrip trip;
        List<int> workers;
        await using (var db = _database.Open())
        {
            trip = await TripData.PlanAsync(db, TripData.Guangzhou with { Seats = Seats });
            workers = await TrainingData.WorkersAsync(db, _clock, Workers);
        }

        var results = new ConcurrentBag<TripSignUpResult>();
        await Task.WhenAll(workers.Select((worker, i) => Task.Run(async () =>
        {
            await using var db = _database.Open();
            var signUp = new TripSignUp(worker, trip.Id, trip.PickupPoints[i % 2].Id, [TripData.Traveller($"老乡{i}", $"1380000{i:D4}")]);
            results.Add(await new TripBookings(db, _clock, _protector).SignUpAsync(signUp, default));
        })));

        Assert.Equal(Seats, results.OfType<TripSignUpResult.Confirmed>().Count());
        Assert.Equal(Enumerable.Range(1, Workers - Seats), results.OfType<TripSignUpResult.Waiting>().Select(w => w.Position).Order());
        await using var check = _database.Open();
        Assert.Equal(Seats, (await check.ReturnTrips.SingleAsync()).SeatsTaken);
        var bookings = await check.TripBookings.OrderBy(b => b.Id).ToListAsync();
        Assert.Equal(Workers, bookings.Select(b => b.WorkerId).Distinct().Count());

        // Arrival order is the order the database took them in: every confirmed booking came before every waiting one.
        Assert.Equal(
            Enumerable.Repeat(BookingStatus.Confirmed, Seats).Concat(Enumerable.Repeat(BookingStatus.Waiting, Workers - Seats)),
            bookings.Select(b => b.Status));
        var service = new TripBookings(check, _clock, _protector);
        var positions = new List<int?>();
        foreach (var waiting in bookings.Skip(Seats))
        {
            positions.Add(await service.PositionAsync(waiting, default));
        }

        Assert.Equal(Enumerable.Range(1, Workers - Seats).Cast<int?>(), positions);
    }
}
