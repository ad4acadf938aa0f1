using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Tests.Workers;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.ReturnTrips;

public sealed class TripBookingsTests : IAsyncLifetime
{
    private readonly AesIdNumberProtector _protector = new();

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Seats_go_in_arrival_order_and_a_family_takes_one_seat_each()
    {
        var trip = await PlanAsync(TripData.Guangzhou);
        var workers = await WorkersAsync(3);

        var family = await SignUpAsync(workers[0], trip, TripData.Traveller("王师傅", "13800000001"), TripData.Traveller("王嫂", "13800000002"));
        var single = await SignUpAsync(workers[1], trip, TripData.Traveller("李大姐", "13800000003"));
        var late = await SignUpAsync(workers[2], trip, TripData.Traveller("张哥", "13800000004"));

        Assert.IsType<TripSignUpResult.Confirmed>(family);
        Assert.IsType<TripSignUpResult.Confirmed>(single);
        Assert.Equal(1, Assert.IsType<TripSignUpResult.Waiting>(late).Position);
        await using var db = _database.Open();
        Assert.Equal(3, (await db.ReturnTrips.SingleAsync()).SeatsTaken);
    }

    [Fact]
    public async Task Cancelling_gives_the_seats_to_those_waiting_in_order_and_tells_them()
    {
        var trip = await PlanAsync(TripData.Guangzhou);
        var workers = await WorkersAsync(4);
        var first = (TripSignUpResult.Confirmed)await SignUpAsync(workers[0], trip, TripData.Traveller("王师傅", "13800000001"), TripData.Traveller("王嫂", "13800000002"));
        await SignUpAsync(workers[1], trip, TripData.Traveller("李大姐", "13800000003"));
        await SignUpAsync(workers[2], trip, TripData.Traveller("张哥", "13800000004"), TripData.Traveller("张嫂", "13800000005"), TripData.Traveller("张妹", "13800000006"));
        await SignUpAsync(workers[3], trip, TripData.Traveller("赵叔", "13800000007"));

        await using var db = _database.Open();
        var result = await Bookings(db).CancelAsync(workers[0], first.BookingId, default);

        // Two seats came free: the family of three keeps its place at the head, the single traveller behind it goes.
        Assert.Equal([workers[3]], result!.PromotedWorkerIds);
        var notice = await db.Outbox.SingleAsync();
        Assert.Equal((workers[3], TripNotices.PromotedKind, MessagePurpose.Practical), (notice.WorkerId, notice.Kind, notice.Purpose));
        Assert.Contains("克度镇政府门口", notice.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await db.ReturnTrips.AsNoTracking().SingleAsync()).SeatsTaken);
        var mine = await Bookings(db).ListAsync(workers[2], default);
        Assert.Equal(1, mine.Single().Position);
    }

    [Fact]
    public async Task A_second_sign_up_for_the_same_departure_gets_the_first_code()
    {
        var trip = await PlanAsync(TripData.Guangzhou);
        var worker = (await WorkersAsync(1))[0];
        var first = (TripSignUpResult.Confirmed)await SignUpAsync(worker, trip, TripData.Traveller("王师傅", "13800000001"));

        var again = await SignUpAsync(worker, trip, TripData.Traveller("王师傅", "13800000001"));

        Assert.Equal(first.Code, Assert.IsType<TripSignUpResult.AlreadySignedUp>(again).Code);
    }

    [Fact]
    public async Task A_phone_already_on_the_departure_is_refused_in_another_booking()
    {
        var trip = await PlanAsync(TripData.Guangzhou);
        var workers = await WorkersAsync(2);
        await SignUpAsync(workers[0], trip, TripData.Traveller("王师傅", "13800000001"));

        var result = await SignUpAsync(workers[1], trip, TripData.Traveller("王师傅", "13800000001"));

        Assert.Contains("13800000001", Assert.IsType<TripSignUpResult.Refused>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_train_keeps_ID_numbers_only_encrypted_and_refuses_a_wrong_one()
    {
        var trip = await PlanAsync(TripData.DongguanTrain);
        var workers = await WorkersAsync(2);

        var wrong = await SignUpAsync(workers[0], trip, TripData.Traveller("王师傅", "13800000001", "522727199001011232"));
        var right = await SignUpAsync(workers[1], trip, TripData.Traveller("李大姐", "13800000003", "522727199001011231"));

        Assert.Contains("校验不通过", Assert.IsType<TripSignUpResult.Refused>(wrong).Reason, StringComparison.Ordinal);
        Assert.IsType<TripSignUpResult.Confirmed>(right);
        await using var db = _database.Open();
        var traveller = await db.Travellers.SingleAsync();
        Assert.DoesNotContain("19900101", traveller.IdNumberCiphertext!, StringComparison.Ordinal);
        Assert.Equal("5227**********1231", traveller.IdNumberMasked);
        Assert.Equal("522727199001011231", traveller.RevealIdNumber(_protector));
    }

    [Fact]
    public async Task A_leader_signs_up_neighbours_and_those_with_a_chat_of_their_own_are_linked_to_it()
    {
        var trip = await PlanAsync(TripData.Guangzhou);
        var workers = await WorkersAsync(2);
        await using (var db = _database.Open())
        {
            await new WorkerRegistry(db, _database.Clock).SaveProfileAsync(workers[1], TrainingData.Worker with { Mobile = "13800000002" }, default);
        }

        var result = await SignUpAsync(workers[0], trip, byLeader: true, TripData.Traveller("邻居甲", "13800000002"), TripData.Traveller("邻居乙", "13800000003"));

        Assert.IsType<TripSignUpResult.Confirmed>(result);
        await using var check = _database.Open();
        var travellers = await check.Travellers.OrderBy(t => t.Id).Select(t => t.WorkerId).ToListAsync();
        Assert.Equal([workers[1], null], travellers);
        Assert.True((await check.TripBookings.SingleAsync()).ByLeader);
    }

    [Fact]
    public async Task The_pickup_point_can_be_changed_to_another_of_the_same_departure_only()
    {
        var trip = await PlanAsync(TripData.Guangzhou);
        var other = await PlanAsync(TripData.DongguanTrain with { Mode = TripMode.Bus });
        var worker = (await WorkersAsync(1))[0];
        var booking = (TripSignUpResult.Confirmed)await SignUpAsync(worker, trip, TripData.Traveller("王师傅", "13800000001"));

        await using var db = _database.Open();
        Assert.False(await Bookings(db).ChangePickupPointAsync(worker, booking.BookingId, other.PickupPoints[0].Id, default));
        Assert.False(await Bookings(db).ChangePickupPointAsync(worker + 1, booking.BookingId, trip.PickupPoints[1].Id, default));
        Assert.True(await Bookings(db).ChangePickupPointAsync(worker, booking.BookingId, trip.PickupPoints[1].Id, default));
        Assert.Equal("县客运站", (await Bookings(db).ListAsync(worker, default)).Single().PickupPoint.Place);
    }

    [Fact]
    public async Task A_departure_closed_for_sign_up_refuses()
    {
        var trip = await PlanAsync(TripData.Guangzhou);
        var worker = (await WorkersAsync(1))[0];
        _database.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 10, 2, 0, 0, TimeSpan.Zero));

        var result = await SignUpAsync(worker, trip, TripData.Traveller("王师傅", "13800000001"));

        Assert.Equal(TripRules.Closed, Assert.IsType<TripSignUpResult.Refused>(result).Reason);
    }

    [Fact]
    public async Task A_pickup_point_someone_waits_at_cannot_be_removed()
    {
        var trip = await PlanAsync(TripData.Guangzhou);
        var worker = (await WorkersAsync(1))[0];
        await SignUpAsync(worker, trip, TripData.Traveller("王师傅", "13800000001"));

        var withoutKedu = TripData.Guangzhou with { PickupPoints = [TripData.Guangzhou.PickupPoints[1]] };
        var inUse = new HashSet<int> { trip.PickupPoints[0].Id };

        var refused = Assert.Throws<DomainException>(() => trip.Change(withoutKedu, TrainingData.Today, inUse));
        Assert.Contains("克度镇政府门口", refused.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => trip.Change(TripData.Guangzhou with { Seats = 0 }, TrainingData.Today, inUse));
    }

    private TripBookings Bookings(PingtangDb db) => new(db, _database.Clock, _protector);

    private Task<TripSignUpResult> SignUpAsync(int workerId, ReturnTrip trip, params TravellerDetails[] travellers) =>
        SignUpAsync(workerId, trip, byLeader: false, travellers);

    private async Task<TripSignUpResult> SignUpAsync(int workerId, ReturnTrip trip, bool byLeader, params TravellerDetails[] travellers)
    {
        await using var db = _database.Open();
        return await Bookings(db).SignUpAsync(new TripSignUp(workerId, trip.Id, trip.PickupPoints[0].Id, travellers, byLeader), default);
    }

    private async Task<ReturnTrip> PlanAsync(ReturnTripDetails details)
    {
        await using var db = _database.Open();
        return await TripData.PlanAsync(db, details);
    }

    private async Task<List<int>> WorkersAsync(int count)
    {
        await using var db = _database.Open();
        return await TrainingData.WorkersAsync(db, _database.Clock, count);
    }
}
