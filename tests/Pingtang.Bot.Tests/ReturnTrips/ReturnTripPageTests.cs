using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Menu;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Tests.ReturnTrips;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>
/// A worker on a phone in Web Chat signs up for the bus to 广州, moves to another pickup point, sends 退订; the host's
/// clock moves to three days before, then to the eve, and at 09:00 China time each day (not before) the reminder
/// arrives in the same Web Chat naming the new pickup point. On the eve a broadcast to everyone goes out too, and is
/// skipped as 本人已退订. The reminder job and the outbox run as Hangfire and the sender would.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class ReturnTripPageTests
{
    [Fact]
    public async Task A_worker_signs_up_changes_the_pickup_point_unsubscribes_and_sees_both_reminders_but_no_broadcast_in_web_chat()
    {
        // The clock starts at the real now, so the page's Direct Line token is as fresh as a browser expects it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = LiveHost.Start(services: s => s.AddSingleton<TimeProvider>(clock));
        var today = ChinaTime.Today(clock);
        var trip = await Trips.PlanAsync(host.Factory, TripData.Guangzhou with { DepartsOn = today.AddDays(10), SignUpBy = today.AddDays(8) });
        await using var phone = await Phone.OpenAsync(host.BaseUrl + "/", "webchat-return-trip.png");

        await phone.SeesAsync(MenuTexts.Welcome);
        await phone.TapAsync("返岗报名");
        await phone.SeesAsync(ReturnTripTexts.AskCity);
        await phone.TapAsync("广州");
        await phone.SeesAsync(ReturnTripTexts.TripLine(trip));
        await phone.TapAsync(ReturnTripTexts.TripLine(trip));
        await phone.SeesAsync(ReturnTripTexts.AskPickup);
        await phone.TapAsync("克度镇 克度镇政府门口 06:30");
        await phone.SeesAsync(ReturnTripTexts.AskWho);
        await phone.TapAsync(ReturnTripTexts.WhoChoices[0]);
        await phone.SeesAsync(ReturnTripTexts.AskCountSelf);
        await phone.TypeAsync("1");
        await phone.SeesAsync("第1位乘车人的姓名");
        await phone.TypeAsync("王师傅");
        await phone.SeesAsync("王师傅的手机号");
        await phone.TypeAsync("13812345678");
        await phone.SeesAsync(ReturnTripTexts.Confirm);
        await phone.TapAsync("是");
        await phone.SeesAsync("报名成功！确认码：");

        await phone.TypeAsync(ReturnTripTexts.MyTrips);
        await phone.SeesAsync(ReturnTripTexts.PickBooking);
        await phone.TypeAsync("1");
        await phone.SeesAsync("要怎么改？");
        await phone.TapAsync(ReturnTripTexts.ChangeChoices[0]);
        await phone.SeesAsync(ReturnTripTexts.AskNewPickup);
        await phone.TapAsync("平湖街道 县客运站 07:30");
        await phone.SeesAsync("已改好，新的上车点：平湖街道 县客运站 07:30");
        await phone.TypeAsync("退订");
        await phone.SeesAsync(MenuTexts.Unsubscribed);
        await phone.ShootAsync("webchat-return-trip-signed-up.png");

        // The page's Direct Line token is fresh at the real now: the worker types nothing more once the clock moves on.
        // 09:00 China time three days before is 01:00 UTC that day; nothing is sent before it.
        var threeDaysBefore = new DateTimeOffset(trip.DepartsOn.AddDays(-3).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        clock.SetUtcNow(threeDaysBefore.AddMinutes(-30));
        await RemindAsync(host);
        Assert.Equal(0, await Trips.ReadAsync(host.Factory, db => db.Outbox.CountAsync(m => m.Kind == TripReminders.Kind)));
        clock.SetUtcNow(threeDaysBefore);
        await RemindAsync(host);
        await phone.SeesAsync($"【返岗提醒】还有3天出发：{trip.Title}");
        await phone.SeesAsync("上车点：平湖街道 县客运站 07:30");

        // The eve, 09:00 China time: a broadcast to everyone goes out with the eve reminder, and only the reminder arrives.
        clock.SetUtcNow(new DateTimeOffset(trip.DepartsOn.AddDays(-1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        var broadcast = await BroadcastAsync(host, clock);
        await RemindAsync(host);

        await phone.SeesAsync($"【返岗提醒】明天出发：{trip.Title}");
        await phone.ShootAsync("webchat-return-trip-reminder.png");
        var reminders = await Trips.ReadAsync(host.Factory, db => db.Outbox.Where(m => m.Kind == TripReminders.Kind).ToListAsync());
        Assert.Equal([OutboxState.Sent, OutboxState.Sent], reminders.Select(m => m.State));
        Assert.All(reminders, m => Assert.Contains("上车点：平湖街道 县客运站 07:30", m.Text, StringComparison.Ordinal));
        var skipped = await Trips.ReadAsync(host.Factory, db => db.Outbox.SingleAsync(m => m.CampaignId == broadcast));
        Assert.Equal((OutboxState.Skipped, OutboxRules.Unsubscribed), (skipped.State, skipped.LastError));
        Assert.Equal(0, await phone.Transcript.GetByText(BroadcastText).CountAsync());
        Assert.False((await Trips.ReadAsync(host.Factory, db => db.Workers.SingleAsync())).AcceptsReminders);
    }

    private const string BroadcastText = "县人社局招聘会正月十五举行，欢迎参加。";

    /// <summary>The hourly reminder job, then the outbox's sender, as the service runs them.</summary>
    private static async Task RemindAsync(LiveHost host)
    {
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TripReminderJob>().RunAsync(0, default);
        }

        await host.Factory.SendDueAsync();
    }

    /// <summary>A broadcast to every worker, approved and fanned out onto the outbox now.</summary>
    private static async Task<int> BroadcastAsync(LiveHost host, TimeProvider clock)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var campaigns = scope.ServiceProvider.GetRequiredService<Campaigns>();
        var campaign = await campaigns.DraftAsync(new CampaignContent("招聘会", BroadcastText, [], Audience.Everyone, clock.GetUtcNow()), Station.CountyCentreId, null, default);
        campaign.Schedule(approvedBy: null, clock.GetUtcNow());
        await scope.ServiceProvider.GetRequiredService<PingtangDb>().SaveChangesAsync();
        await campaigns.TakeDueAsync(default);
        while (!(await campaigns.FanOutAsync(campaign.Id, default)).Finished)
        {
        }

        return campaign.Id;
    }
}
