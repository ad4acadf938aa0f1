using Pingtang.Bot.Dialogs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Tests.Jobs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>
/// The alert job as Hangfire runs it, resolved from the host and run directly, with the bot's real pipeline. It
/// queues; the test sends the outbox.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class JobAlertJobTests : IDisposable
{
    private const string UserId = "worker-1";

    private static readonly WorkerProfile Consenting = WorkerProfile.Empty with { BirthYear = 1985, AcceptsReminders = true };

    private readonly RecordingChannel _channel = new();

    private readonly FakeTimeProvider _clock = new(TestClock.Now.AddHours(-1));

    private readonly PingtangFactory _factory;

    public JobAlertJobTests() =>
        _factory = new PingtangFactory(clock: _clock, services: services => services.AddSingleton<IProactiveChannel>(_channel));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Alert_lists_the_new_postings_and_replying_opens_the_job_search()
    {
        await SubscribeAsync(new JobQuery { City = "东莞市" });
        await Postings.AddAsync(_factory, JobDrafts.Factory, JobDrafts.Factory with { ExternalId = "GD-2", Title = "仓库打包员", MonthlyPayMin = 4800, MonthlyPayMax = null, HousingProvided = false });
        _clock.SetUtcNow(TestClock.Now);

        await RunAsync();

        var text = Assert.Single(_channel.Texts);
        Assert.Equal(
            [DialogTexts.Format(JobAlertTexts.Heading, 2), "1. 电子厂普工 · 东莞市大朗镇 · 5000-6500元/月 · 包吃住", "2. 仓库打包员 · 东莞市大朗镇 · 4800元起/月 · 包吃", JobAlertTexts.HowToOpen],
            text.Split('\n'));
        await Conversation.Start(_factory, UserId).Send("岗位").Expect(JobTexts.AskRegion).StartTestAsync();
    }

    [Fact]
    public async Task Worker_asks_in_the_search_to_be_told_and_gets_only_what_is_new()
    {
        await Postings.AddAtAsync(_factory, _clock.GetUtcNow(), JobDrafts.Factory);
        _clock.Advance(TimeSpan.FromMinutes(10));
        await Conversation.Start(_factory, UserId)
            .Send("东莞").Expect("找到1个岗位", "电子厂普工")
            .Send(JobTexts.Subscribe).Expect(JobTexts.AskConsent)
            .Send("好的").Expect(DialogTexts.Format(JobTexts.Subscribed, "东莞市 · 工种不限 · 工资不限"))
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));
        await Postings.AddAtAsync(_factory, _clock.GetUtcNow(), JobDrafts.Factory with { ExternalId = "GD-2", Title = "注塑车间操作工" });

        await RunAsync();

        var text = Assert.Single(_channel.Texts);
        Assert.Contains("1. 注塑车间操作工", text, StringComparison.Ordinal);
        Assert.DoesNotContain("电子厂普工", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_that_fails_is_retried_by_the_outbox_and_the_alert_recorded_once()
    {
        await SubscribeAsync(JobQuery.Anything);
        await Postings.AddAsync(_factory, JobDrafts.Factory);
        _clock.SetUtcNow(TestClock.Now);
        _channel.Broken = true;

        await RunAsync();

        Assert.Empty(_channel.Texts);
        Assert.Equal(1, await AlertsRecordedAsync());

        _channel.Broken = false;
        await RunAsync();
        Assert.Empty(_channel.Texts);

        _clock.Advance(OutboxRules.Backoff(1));
        await _factory.SendDueAsync();
        await RunAsync();

        Assert.Single(_channel.Texts);
        Assert.Equal(1, await AlertsRecordedAsync());
    }

    [Fact]
    public async Task A_worker_who_says_unsubscribe_gets_no_alert()
    {
        await SubscribeAsync(JobQuery.Anything);
        await Conversation.Start(_factory, UserId).Send("退订").Expect(MenuTexts.Unsubscribed).StartTestAsync();
        await Postings.AddAsync(_factory, JobDrafts.Factory);
        _clock.SetUtcNow(TestClock.Now);

        await RunAsync();

        Assert.Empty(_channel.Texts);
        Assert.Equal(0, await AlertsRecordedAsync());
    }

    [Fact]
    public async Task An_alert_queued_at_23_waits_until_8_in_China()
    {
        await SubscribeAsync(JobQuery.Anything);
        await Postings.AddAsync(_factory, JobDrafts.Factory);
        _clock.SetUtcNow(China(29, 23, 0));

        await RunAsync();
        _clock.SetUtcNow(China(30, 7, 59));
        await _factory.SendDueAsync();

        Assert.Empty(_channel.Texts);
        Assert.Equal(1, await AlertsRecordedAsync());

        _clock.SetUtcNow(China(30, 8, 0));
        await RunAsync();

        Assert.Contains("1. 电子厂普工", Assert.Single(_channel.Texts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_who_says_unsubscribe_after_the_alert_was_queued_is_not_sent_it()
    {
        await SubscribeAsync(JobQuery.Anything);
        await Postings.AddAsync(_factory, JobDrafts.Factory);
        _clock.SetUtcNow(China(29, 23, 0));
        await RunAsync();

        await Conversation.Start(_factory, UserId).Send("退订").Expect(MenuTexts.Unsubscribed).StartTestAsync();
        _clock.SetUtcNow(China(30, 8, 0));
        await _factory.SendDueAsync();

        Assert.Empty(_channel.Texts);
        await using var scope = _factory.Services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.SingleAsync(m => m.Kind == JobAlerts.Kind);
        Assert.Equal((OutboxState.Skipped, OutboxRules.Unsubscribed), (message.State, message.LastError));
    }

    [Fact]
    public async Task A_full_batch_queues_the_next_one_after_its_last_worker()
    {
        var workers = new List<int>();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<WorkerRegistry>();
            var searches = scope.ServiceProvider.GetRequiredService<SavedSearches>();
            for (var i = 0; i <= JobAlertJob.BatchSize; i++)
            {
                var worker = await registry.RegisterAsync(default);
                await registry.SaveProfileAsync(worker.Id, Consenting, default);
                await searches.SaveAsync(worker.Id, JobQuery.Anything, default);
                workers.Add(worker.Id);
            }
        }

        await Postings.AddAsync(_factory, JobDrafts.Factory);
        _clock.SetUtcNow(TestClock.Now);

        await RunAsync();

        var queued = Assert.Single(_factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10));
        Assert.Equal(nameof(JobAlertJob.RunAsync), queued.Value.Job.Method.Name);
        Assert.Equal(workers[JobAlertJob.BatchSize - 1], queued.Value.Job.Args[0]);
    }

    /// <summary>The worker writes once, agrees to reminders and saves <paramref name="query"/>, an hour before the postings arrive.</summary>
    private async Task SubscribeAsync(JobQuery query)
    {
        await Conversation.Start(_factory, UserId).Send("你好").StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, UserId, Consenting);
        await using var scope = _factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SavedSearches>().SaveAsync(await WorkerProfiles.WorkerIdAsync(_factory, UserId), query, default);
        Assert.Equal(SaveSearchOutcome.Saved, outcome);
    }

    /// <summary>In UTC, as a real clock gives it: the outbox orders the times it stores only when they are UTC.</summary>
    private static DateTimeOffset China(int day, int hour, int minute) => new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>Runs the job, then sends what the outbox holds that is due.</summary>
    private async Task RunAsync()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobAlertJob>().RunAsync(0, default);
        }

        await _factory.SendDueAsync();
    }

    private async Task<int> AlertsRecordedAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().JobAlerts.CountAsync();
    }
}
