using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Tests.Workers;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.ReturnTrips;

/// <summary>
/// The reminders of the bus to 广州 leaving 2027-02-11 07:30: due from 09:00 China time (01:00 UTC) on the 8th, three
/// days before, and on the 10th, its eve.
/// </summary>
public sealed class TripRemindersTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Eve0859 = new(2027, 2, 10, 0, 59, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Eve0900 = new(2027, 2, 10, 1, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset ThreeDaysBefore0900 = new(2027, 2, 8, 1, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;

    private TripDatabase _trips = null!;

    public async Task InitializeAsync() => _trips = new(_database = await TestDatabase.CreateAsync());

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("2027-02-10T00:59:59Z", new string[0])]
    [InlineData("2027-02-10T01:00:00Z", new[] { "2027-02-13", "2027-02-11" })]
    [InlineData("2027-02-10T15:59:00Z", new[] { "2027-02-13", "2027-02-11" })]
    [InlineData("2027-02-10T16:00:00Z", new string[0])]
    public void Reminders_are_due_from_nine_in_China_for_departures_three_days_and_one_day_later(string instant, string[] dates)
    {
        var due = TripReminders.DepartureDatesDueAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(dates.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)), due);
    }

    [Fact]
    public async Task The_eve_reminder_says_departure_pickup_leader_notes_and_code_once_however_often_the_job_runs()
    {
        var trip = await _trips.PlanAsync(TripData.Guangzhou);
        var worker = (await _trips.WorkersAsync(1))[0];
        var code = ((TripSignUpResult.Confirmed)await _trips.SignUpAsync(worker, trip, false, TripData.Traveller("王师傅", "13800000001"))).Code;

        _database.Clock.SetUtcNow(Eve0859);
        Assert.Equal(0, await RunAsync());
        _database.Clock.SetUtcNow(Eve0900);
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        _database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await RunAsync());

        var reminder = Assert.Single(await RemindersAsync());
        Assert.Equal((worker, MessagePurpose.Practical), (reminder.WorkerId, reminder.Purpose));
        Assert.Equal(
            [
                "【返岗提醒】明天出发：2月11日（正月初六）07:30 返岗专车 → 广州",
                "上车点：克度镇 克度镇政府门口 06:30",
                "车长：罗师傅 13985400001",
                "请带：带好身份证、口罩和路上吃的",
                "乘车人：王师傅",
                $"确认码：{code}（上车时告诉车长）",
                TripReminderTexts.HowToChange,
            ],
            reminder.Text.Split('\n'));
    }

    [Fact]
    public async Task Three_days_before_comes_its_own_reminder_and_the_eve_one_after_it()
    {
        var trip = await _trips.PlanAsync(TripData.Guangzhou);
        var worker = (await _trips.WorkersAsync(1))[0];
        await _trips.SignUpAsync(worker, trip, false, TripData.Traveller("王师傅", "13800000001"));

        _database.Clock.SetUtcNow(ThreeDaysBefore0900);
        Assert.Equal(1, await RunAsync());
        _database.Clock.SetUtcNow(ThreeDaysBefore0900.AddDays(1));
        Assert.Equal(0, await RunAsync());
        _database.Clock.SetUtcNow(Eve0900);
        Assert.Equal(1, await RunAsync());

        Assert.Equal(["【返岗提醒】还有3天出发", "【返岗提醒】明天出发"], (await RemindersAsync()).Select(r => r.Text.Split('：')[0]));
    }

    [Fact]
    public async Task Waiting_and_cancelled_bookings_and_cancelled_departures_get_none()
    {
        var trip = await _trips.PlanAsync(TripData.Guangzhou with { Seats = 1 });
        var cancelledTrip = await _trips.PlanAsync(TripData.Guangzhou with { DestinationCity = "东莞" });
        var workers = await _trips.WorkersAsync(4);
        var first = (TripSignUpResult.Confirmed)await _trips.SignUpAsync(workers[0], trip, false, TripData.Traveller("王师傅", "13800000001"));
        await _trips.SignUpAsync(workers[1], trip, false, TripData.Traveller("王嫂", "13800000002"), TripData.Traveller("王妹", "13800000003"));
        await _trips.SignUpAsync(workers[2], cancelledTrip, false, TripData.Traveller("李哥", "13800000004"));
        await using (var db = _database.Open())
        {
            await _trips.Bookings(db).CancelAsync(workers[0], first.BookingId, default);
            (await db.ReturnTrips.SingleAsync(t => t.Id == cancelledTrip.Id)).Cancel(_database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        _database.Clock.SetUtcNow(Eve0900);

        Assert.Equal(0, await RunAsync());
    }

    [Fact]
    public async Task A_leader_is_reminded_for_the_neighbour_without_a_chat_and_the_one_with_a_chat_gets_their_own()
    {
        var trip = await _trips.PlanAsync(TripData.Guangzhou);
        var workers = await _trips.WorkersAsync(2);
        await using (var db = _database.Open())
        {
            await new WorkerRegistry(db, _database.Clock).SaveProfileAsync(workers[1], TrainingData.Worker with { Mobile = "13800000002" }, default);
        }

        await _trips.SignUpAsync(workers[0], trip, true, TripData.Traveller("邻居甲", "13800000002"), TripData.Traveller("邻居乙", "13800000003"));
        _database.Clock.SetUtcNow(Eve0900);

        Assert.Equal(2, await RunAsync());

        var reminders = (await RemindersAsync()).ToDictionary(r => r.WorkerId);
        var leader = reminders[workers[0]].Text.Split('\n');
        Assert.Contains("乘车人：邻居乙", leader);
        Assert.Contains("请转告邻居乙：他们收不到这条消息。", leader);
        Assert.Contains(TripReminderTexts.HowToChange, leader);
        var neighbour = reminders[workers[1]].Text.Split('\n');
        Assert.Contains("乘车人：邻居甲", neighbour);
        Assert.DoesNotContain(neighbour, l => l.StartsWith("请转告", StringComparison.Ordinal));
        Assert.Contains(TripReminderTexts.AskWhoBooked, neighbour);
    }

    [Fact]
    public async Task A_family_reaches_the_worker_who_booked_in_one_message_naming_those_without_a_chat()
    {
        var trip = await _trips.PlanAsync(TripData.Guangzhou);
        var workers = await _trips.WorkersAsync(2);
        await using (var db = _database.Open())
        {
            await new WorkerRegistry(db, _database.Clock).SaveProfileAsync(workers[1], TrainingData.Worker with { Mobile = "13800000003" }, default);
        }

        await _trips.SignUpAsync(workers[0], trip, false, TripData.Traveller("王师傅", "13800000001"), TripData.Traveller("王嫂", "13800000002"), TripData.Traveller("王哥", "13800000003"));
        await using var check = _database.Open();
        var booking = await check.TripBookings.Include(b => b.Travellers).SingleAsync();

        var recipients = TripReminders.Recipients(booking);

        Assert.Equal(
            [(workers[0], "王师傅、王嫂", true), (workers[1], "王哥", false)],
            recipients.Select(r => (r.WorkerId, string.Join("、", r.Travellers.Select(t => t.Name)), r.ForOthers)));
    }

    [Fact]
    public async Task A_changed_pickup_point_deserves_a_new_reminder_naming_it()
    {
        var trip = await _trips.PlanAsync(TripData.Guangzhou);
        var worker = (await _trips.WorkersAsync(1))[0];
        var booking = (TripSignUpResult.Confirmed)await _trips.SignUpAsync(worker, trip, false, TripData.Traveller("王师傅", "13800000001"));
        _database.Clock.SetUtcNow(Eve0900);
        Assert.Equal(1, await RunAsync());

        await using (var db = _database.Open())
        {
            Assert.True(await _trips.Bookings(db).ChangePickupPointAsync(worker, booking.BookingId, trip.PickupPoints[1].Id, default));
        }

        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        Assert.Contains("上车点：平湖街道 县客运站 07:30", (await RemindersAsync())[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_who_turned_reminders_off_is_still_reminded_of_their_trip()
    {
        var trip = await _trips.PlanAsync(TripData.Guangzhou);
        var worker = (await _trips.WorkersAsync(1))[0];
        await _trips.SignUpAsync(worker, trip, false, TripData.Traveller("王师傅", "13800000001"));
        await using (var db = _database.Open())
        {
            await new WorkerRegistry(db, _database.Clock).SetRemindersAsync(worker, accepts: false, default);
            Assert.False((await db.Workers.SingleAsync(w => w.Id == worker)).AcceptsReminders);
        }

        _database.Clock.SetUtcNow(Eve0900);

        Assert.Equal(1, await RunAsync());
        Assert.Equal(MessagePurpose.Practical, Assert.Single(await RemindersAsync()).Purpose);
    }

    private async Task<int> RunAsync()
    {
        await using var db = _database.Open();
        var reminders = new TripReminders(db, _database.Clock);
        return await reminders.QueueAsync(await reminders.DueAsync(0, 50, default), default);
    }

    private async Task<List<OutboxMessage>> RemindersAsync()
    {
        await using var db = _database.Open();
        return await db.Outbox.Where(m => m.Kind == TripReminders.Kind).OrderBy(m => m.Id).ToListAsync();
    }
}
