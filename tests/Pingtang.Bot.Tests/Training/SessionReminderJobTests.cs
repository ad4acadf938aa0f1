using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Tests.Training;

/// <summary>
/// The day-before reminder job as Hangfire runs it, resolved from the host and run directly, for a 焊工 session
/// starting 2026-12-10: due from 09:00 China time (01:00 UTC) on the 9th. It queues; the test sends the outbox.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class SessionReminderJobTests : IDisposable
{
    private const string UserId = "worker-1";

    private static readonly DateTimeOffset DayBefore0859 = new(2026, 12, 9, 0, 59, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset DayBefore0900 = new(2026, 12, 9, 1, 0, 0, TimeSpan.Zero);

    private readonly RecordingChannel _channel = new();

    private readonly FakeTimeProvider _clock = new(TestClock.Now);

    private readonly PingtangFactory _factory;

    public SessionReminderJobTests() =>
        _factory = new PingtangFactory(clock: _clock, services: services => services.AddSingleton<IProactiveChannel>(_channel));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Reminder_says_course_time_place_what_to_bring_code_and_how_to_cancel()
    {
        var code = await EnrolTalkingWorkerAsync(TrainingData.Welding with { Bring = "身份证、一寸照片2张" });
        _clock.SetUtcNow(DayBefore0900);

        await RunAsync();

        var text = Assert.Single(_channel.Texts);
        Assert.Equal(
            [
                "【培训提醒】您报名的「焊工」明天开班，请准时参加：",
                "时间：12月10日（星期四）开始，每天 8:30-17:30",
                "地点：平塘县公共实训基地",
                "请带：身份证、一寸照片2张",
                $"报名码：{code}（报到时告诉工作人员）",
                SessionReminderTexts.HowToCancel,
            ],
            text.Split('\n'));
        Assert.Contains("「我的报名」", SessionReminderTexts.HowToCancel, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_schedule_or_anything_to_bring_those_parts_are_left_out()
    {
        var session = TrainingSession.Plan(1, TrainingData.Welding with { Schedule = "", Bring = "" }, TrainingData.Today);

        var lines = SessionReminderTexts.Message(session, "ABC234").Split('\n');

        Assert.Contains("时间：12月10日（星期四）开始", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("请带", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_at_8_59_one_reminder_at_9_and_none_again_on_the_next_runs()
    {
        await EnrolTalkingWorkerAsync(TrainingData.Welding);

        _clock.SetUtcNow(DayBefore0859);
        await RunAsync();
        Assert.Empty(_channel.Texts);

        _clock.SetUtcNow(DayBefore0900);
        await RunAsync();

        Assert.Single(_channel.Texts);
        await AssertTheNextRunsAddNothingAsync();
    }

    [Fact]
    public async Task A_send_that_fails_is_retried_by_the_outbox_not_queued_again_by_the_next_run()
    {
        await EnrolTalkingWorkerAsync(TrainingData.Welding);
        _clock.SetUtcNow(DayBefore0900);
        _channel.Broken = true;

        await RunAsync();

        Assert.Empty(_channel.Texts);
        Assert.Equal(1, await RemindersQueuedAsync());

        _channel.Broken = false;
        await RunAsync();
        Assert.Empty(_channel.Texts);

        _clock.Advance(OutboxRules.Backoff(1));
        await _factory.SendDueAsync();

        Assert.Single(_channel.Texts);
        await AssertTheNextRunsAddNothingAsync();
    }

    [Fact]
    public async Task A_worker_who_said_unsubscribe_is_still_reminded_of_the_session_they_enrolled_in()
    {
        await EnrolTalkingWorkerAsync(TrainingData.Welding);
        await Conversation.Start(_factory, UserId).Send("退订").StartTestAsync();
        _clock.SetUtcNow(DayBefore0900);

        await RunAsync();

        Assert.Single(_channel.Texts);
    }

    [Fact]
    public async Task A_full_batch_queues_the_next_one_after_its_last_enrolment()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
            var session = await TrainingData.PlanAsync(db, TrainingData.Welding with { Seats = SessionReminderJob.BatchSize + 1 });
            var enrolments = new Enrolments(db, _clock);
            foreach (var worker in await TrainingData.WorkersAsync(db, _clock, SessionReminderJob.BatchSize + 1))
            {
                await enrolments.EnrolAsync(worker, session, default);
            }
        }

        _clock.SetUtcNow(DayBefore0900);

        await RunAsync();

        var queued = Assert.Single(_factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10));
        Assert.Equal(nameof(SessionReminderJob.RunAsync), queued.Value.Job.Method.Name);
        Assert.Equal(await EnrolmentIdsAsync(SessionReminderJob.BatchSize - 1), queued.Value.Job.Args[0]);
    }

    /// <summary>The worker writes once, then enrols (on 2026-11-29) in a session of <paramref name="details"/>; returns their code.</summary>
    private async Task<string> EnrolTalkingWorkerAsync(TrainingSessionDetails details)
    {
        await Conversation.Start(_factory, UserId).Send("你好").StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, UserId, TrainingData.Worker);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var session = await TrainingData.PlanAsync(db, details);
        var result = await new Enrolments(db, _clock).EnrolAsync(await WorkerProfiles.WorkerIdAsync(_factory, UserId), session, default);
        return Assert.IsType<EnrolResult.Confirmed>(result).Code;
    }

    /// <summary>Runs the job, then sends what the outbox holds that is due.</summary>
    private async Task RunAsync()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SessionReminderJob>().RunAsync(0, default);
        }

        await _factory.SendDueAsync();
    }

    /// <summary>The hour's next runs, and the one after, send nothing more: one message and one queued in all.</summary>
    private async Task AssertTheNextRunsAddNothingAsync()
    {
        await RunAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        await RunAsync();

        Assert.Single(_channel.Texts);
        Assert.Equal(1, await RemindersQueuedAsync());
    }

    private async Task<int> RemindersQueuedAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.CountAsync(m => m.Kind == SessionReminders.Kind);
    }

    private async Task<int> EnrolmentIdsAsync(int index)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PingtangDb>().Enrolments.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync())[index];
    }
}
