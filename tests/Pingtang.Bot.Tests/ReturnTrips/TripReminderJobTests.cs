using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.ReturnTrips;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>
/// The reminder job as Hangfire runs it, resolved from the host and run directly, for the bus to 广州 leaving
/// 2027-02-11 07:30: due from 09:00 China time (01:00 UTC) on the 8th and on the 10th. It queues; the test sends the outbox.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class TripReminderJobTests : IDisposable
{
    private static readonly DateTimeOffset ThreeDaysBefore0900 = new(2027, 2, 8, 1, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Eve0859 = new(2027, 2, 10, 0, 59, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Eve0900 = new(2027, 2, 10, 1, 0, 0, TimeSpan.Zero);

    private readonly RecordingChannel _channel = new();

    private readonly FakeTimeProvider _clock = new(TestClock.Now);

    private readonly PingtangFactory _factory;

    public TripReminderJobTests() =>
        _factory = new PingtangFactory(clock: _clock, services: services => services.AddSingleton<IProactiveChannel>(_channel));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_worker_is_reminded_three_days_before_and_on_the_eve_at_the_pickup_point_they_changed_to_after_unsubscribing()
    {
        var trip = await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Conversation.Start(_factory).Send("你好").StartTestAsync();
        await Trips.SignUpAsync(_factory, "worker-1", trip, "王师傅", "13812345678");

        _clock.SetUtcNow(ThreeDaysBefore0900.AddMinutes(-1));
        await RunAsync();
        Assert.Empty(_channel.Texts);
        _clock.SetUtcNow(ThreeDaysBefore0900);
        await RunAsync();
        Assert.StartsWith("【返岗提醒】还有3天出发", Assert.Single(_channel.Texts), StringComparison.Ordinal);
        Assert.Contains("上车点：克度镇 克度镇政府门口 06:30", _channel.Texts.Single(), StringComparison.Ordinal);

        await Conversation.Start(_factory)
            .Send("我的返岗").Expect(ReturnTripTexts.PickBooking)
            .Send("1").Expect("要怎么改")
            .Send("1").Expect(ReturnTripTexts.AskNewPickup)
            .Send("县客运站").Expect("已改好").Expect(MenuTexts.AnythingElse)
            .Send("退订").Expect(MenuTexts.Unsubscribed)
            .StartTestAsync();
        Assert.False((await Trips.ReadAsync(_factory, db => db.Workers.SingleAsync())).AcceptsReminders);

        _clock.SetUtcNow(Eve0859);
        await RunAsync();
        Assert.Single(_channel.Texts);
        _clock.SetUtcNow(Eve0900);
        await RunAsync();
        await RunAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        await RunAsync();

        Assert.Equal(2, _channel.Texts.Count);
        var eve = _channel.Texts.Last().Split('\n');
        Assert.Equal("【返岗提醒】明天出发：2月11日（正月初六）07:30 返岗专车 → 广州", eve[0]);
        Assert.Contains("上车点：平湖街道 县客运站 07:30", eve);
        Assert.Contains("车长：罗师傅 13985400001", eve);
    }

    [Fact]
    public async Task A_leader_gets_the_reminder_of_the_neighbour_without_a_chat_and_the_neighbour_with_one_gets_their_own()
    {
        await Trips.PlanAsync(_factory, TripData.Guangzhou);
        await Conversation.Start(_factory, "neighbour").Send("你好").StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, "neighbour", WorkerProfile.Empty with { Name = "邻居甲", Mobile = "13800000002" });
        await Conversation.Start(_factory, "leader")
            .Send("返岗报名").Expect(ReturnTripTexts.AskCity)
            .Send("广州").Expect("剩3座")
            .Send("1").Expect(ReturnTripTexts.AskPickup)
            .Send("克度镇").Expect(ReturnTripTexts.AskWho)
            .Send("帮老乡报名").Expect(ReturnTripTexts.AskCountLeader)
            .Send("2").Expect(DialogTexts.Format(ReturnTripTexts.AskName, 1))
            .Send("邻居甲").Expect("邻居甲的手机号")
            .Send("13800000002").Expect(DialogTexts.Format(ReturnTripTexts.AskName, 2))
            .Send("邻居乙").Expect("邻居乙的手机号")
            .Send("13800000003").Expect(ReturnTripTexts.Confirm)
            .Send("是").Expect("报名成功")
            .StartTestAsync();
        var leaderId = await WorkerProfiles.WorkerIdAsync(_factory, "leader");
        var neighbourId = await WorkerProfiles.WorkerIdAsync(_factory, "neighbour");

        _clock.SetUtcNow(Eve0900);
        await RunAsync();

        var sent = await Trips.ReadAsync(_factory, db => db.Outbox.Where(m => m.Kind == TripReminders.Kind).ToListAsync());
        Assert.All(sent, m => Assert.Equal(OutboxState.Sent, m.State));
        var byWorker = sent.ToDictionary(m => m.WorkerId, m => m.Text.Split('\n'));
        Assert.Equal(new[] { leaderId, neighbourId }.Order(), byWorker.Keys.Order());
        Assert.Contains("乘车人：邻居乙", byWorker[leaderId]);
        Assert.Contains("请转告邻居乙：他们收不到这条消息。", byWorker[leaderId]);
        Assert.Contains("乘车人：邻居甲", byWorker[neighbourId]);
        Assert.Equal(2, _channel.Texts.Count);
    }

    /// <summary>Runs the job, then sends what the outbox holds that is due.</summary>
    private async Task RunAsync()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TripReminderJob>().RunAsync(0, default);
        }

        await _factory.SendDueAsync();
    }
}
