using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Broadcasts;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Broadcasts;

/// <summary>
/// Campaigns through the real host, to workers who talked through the test channel: consent, 退订 and 订阅, no
/// channel, quiet hours, and the report that counts them; fan-out once however it runs; pause, resume and cancel
/// across a restart (a second host on the same data folder).
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class BroadcastDeliveryTests : IDisposable
{
    /// <summary>2026-12-01 10:00 in China.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly RecordingChannel _channel = new();
    private readonly FakeTimeProvider _clock = new(Morning);
    private readonly List<PingtangFactory> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    [Fact]
    public async Task Only_workers_who_agreed_get_it_and_the_report_says_why_the_others_did_not()
    {
        var host = Host();
        await Broadcasting.TalkingWorkerAsync(host, "agreed", consents: true);
        await Broadcasting.TalkingWorkerAsync(host, "never-asked", consents: false);
        await Broadcasting.TalkingWorkerAsync(host, "said-stop", consents: true);
        await Conversation.Start(host, "said-stop").Send("退订").Expect(MenuTexts.Unsubscribed).StartTestAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<WorkerRegistry>();
            var unreachable = await registry.RegisterAsync(default);
            await registry.SetRemindersAsync(unreachable.Id, accepts: true, default);
        }

        var campaign = await Broadcasting.ScheduleAsync(host, _clock);
        await Broadcasting.FanOutAsync(host);
        await host.SendDueAsync();

        Assert.Equal([Broadcasting.Text], _channel.Texts);
        var report = await Broadcasting.ReportAsync(host, campaign);
        Assert.Equal((1, 4), (report.Sent, report.Total));
        Assert.Equal(
            new HashSet<SkipCount> { new(OutboxRules.NoConsent, 1), new(OutboxRules.Unsubscribed, 1), new(OutboxRules.NoChannel, 1) },
            report.Skipped.ToHashSet());
    }

    [Fact]
    public async Task Subscribe_at_the_menu_turns_broadcasts_back_on_after_unsubscribe()
    {
        var host = Host();
        await Broadcasting.TalkingWorkerAsync(host, "back-again", consents: true);
        await Conversation.Start(host, "back-again")
            .Send("退订").Expect(MenuTexts.Unsubscribed).Expect(MenuTexts.Choose)
            .Send("订阅").Expect(MenuTexts.Subscribed).Expect(MenuTexts.Choose)
            .StartTestAsync();

        var campaign = await Broadcasting.ScheduleAsync(host, _clock);
        await Broadcasting.FanOutAsync(host);
        await host.SendDueAsync();

        Assert.Equal([Broadcasting.Text], _channel.Texts);
        Assert.Equal(1, (await Broadcasting.ReportAsync(host, campaign)).Sent);
    }

    [Fact]
    public async Task At_night_the_campaign_waits_for_the_morning_and_the_report_counts_it_as_deferred()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)); // 23:00 in China
        var host = Host();
        await Broadcasting.TalkingWorkerAsync(host, "night", consents: true);
        var campaign = await Broadcasting.ScheduleAsync(host, _clock);

        await Broadcasting.FanOutAsync(host);
        await host.SendDueAsync();

        Assert.Empty(_channel.Texts);
        Assert.Equal((1, 0, 1), ((await Broadcasting.ReportAsync(host, campaign)).Queued, (await Broadcasting.ReportAsync(host, campaign)).Sent, (await Broadcasting.ReportAsync(host, campaign)).Deferred));
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)); // 08:00
        await host.SendDueAsync();

        Assert.Equal([Broadcasting.Text], _channel.Texts);
        var report = await Broadcasting.ReportAsync(host, campaign);
        Assert.Equal((0, 1, 1), (report.Queued, report.Sent, report.Deferred));
    }

    [Fact]
    public async Task The_minute_job_starts_a_due_campaign_whose_fan_out_runs_queue_each_worker_once_even_run_twice_at_once()
    {
        var host = Host();
        const int Workers = 1_200;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
            db.Workers.AddRange(Enumerable.Range(0, Workers).Select(_ => Worker.Register(_clock.GetUtcNow())));
            await db.SaveChangesAsync();
        }

        var campaign = await Broadcasting.ScheduleAsync(host, _clock);
        await Broadcasting.RunMinuteJobAsync(host);

        var enqueued = Assert.Single(host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10));
        Assert.Equal((nameof(BroadcastJob.FanOutAsync), campaign), (enqueued.Value.Job.Method.Name, (int)enqueued.Value.Job.Args[0]));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BroadcastJob>().FanOutAsync(campaign, default);
            }
        })));

        await using var check = host.Services.CreateAsyncScope();
        var outbox = check.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.Where(m => m.CampaignId == campaign);
        Assert.Equal((Workers, Workers), (await outbox.CountAsync(), await outbox.Select(m => m.WorkerId).Distinct().CountAsync()));
        Assert.Equal(CampaignState.Done, await Broadcasting.StateAsync(host, campaign));
    }

    [Fact]
    public async Task A_fan_out_cut_short_by_a_restart_goes_on_from_its_cursor_in_the_next_host()
    {
        var first = Host(keepData: true);
        var workers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            workers.Add(await Broadcasting.TalkingWorkerAsync(first, $"restart-{i}", consents: true));
        }

        var campaign = await Broadcasting.ScheduleAsync(first, _clock);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var campaigns = scope.ServiceProvider.GetRequiredService<Campaigns>();
            Assert.Equal([campaign], await campaigns.TakeDueAsync(default));
            Assert.Equal(new FanOutBatch(2, false), await campaigns.FanOutAsync(campaign, default, batchSize: 2));
        }

        first.Dispose();
        var second = Host(dataFolder: first.DataFolder);
        await Broadcasting.RunMinuteJobAsync(second);
        Assert.Empty(second.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10));

        // The dead run's hold on the campaign runs out, and the minute job gives it to a new run.
        _clock.Advance(Campaigns.FanOutLease + TimeSpan.FromMinutes(1));
        await Broadcasting.FanOutAsync(second);
        await second.SendDueAsync();

        Assert.Equal(3, _channel.Texts.Count);
        Assert.Equal((3, 3), ((await Broadcasting.ReportAsync(second, campaign)).Sent, (await Broadcasting.ReportAsync(second, campaign)).Total));
        Assert.Equal(CampaignState.Done, await Broadcasting.StateAsync(second, campaign));
    }

    [Fact]
    public async Task A_paused_campaign_stays_paused_across_a_restart_and_resumed_it_sends_the_rest()
    {
        var first = Host(keepData: true);
        await Broadcasting.TalkingWorkerAsync(first, "pause-1", consents: true);
        await Broadcasting.TalkingWorkerAsync(first, "pause-2", consents: true);
        var campaign = await Broadcasting.ScheduleAsync(first, _clock);
        await Broadcasting.FanOutAsync(first);
        await Broadcasting.ChangeAsync(first, campaign, (c, x) => c.PauseAsync(x, default));
        await first.SendDueAsync();
        Assert.Empty(_channel.Texts);
        first.Dispose();

        var second = Host(dataFolder: first.DataFolder);
        await Broadcasting.RunMinuteJobAsync(second);
        await second.SendDueAsync();
        Assert.Empty(_channel.Texts);
        Assert.Equal((CampaignState.Paused, 2), (await Broadcasting.StateAsync(second, campaign), (await Broadcasting.ReportAsync(second, campaign)).Held));

        await Broadcasting.ChangeAsync(second, campaign, (c, x) => c.ResumeAsync(x, default));
        await second.SendDueAsync();

        Assert.Equal(2, _channel.Texts.Count);
        Assert.Equal((CampaignState.Done, 2), (await Broadcasting.StateAsync(second, campaign), (await Broadcasting.ReportAsync(second, campaign)).Sent));
    }

    [Fact]
    public async Task A_campaign_cancelled_before_a_restart_sends_nothing_after_it_and_says_so()
    {
        var first = Host(keepData: true);
        await Broadcasting.TalkingWorkerAsync(first, "cancel-1", consents: true);
        await Broadcasting.TalkingWorkerAsync(first, "cancel-2", consents: true);
        var campaign = await Broadcasting.ScheduleAsync(first, _clock);
        await Broadcasting.FanOutAsync(first);
        await Broadcasting.ChangeAsync(first, campaign, (c, x) => c.CancelAsync(x, default));
        first.Dispose();

        var second = Host(dataFolder: first.DataFolder);
        await Broadcasting.RunMinuteJobAsync(second);
        await second.SendDueAsync();

        Assert.Empty(_channel.Texts);
        Assert.Equal([new SkipCount(Campaigns.CancelledReason, 2)], (await Broadcasting.ReportAsync(second, campaign)).Skipped);
    }

    private PingtangFactory Host(bool keepData = false, string? dataFolder = null)
    {
        var host = new PingtangFactory(clock: _clock, dataFolder: dataFolder, services: services => services.AddSingleton<IProactiveChannel>(_channel)) { KeepData = keepData };
        _hosts.Add(host);
        return host;
    }
}
