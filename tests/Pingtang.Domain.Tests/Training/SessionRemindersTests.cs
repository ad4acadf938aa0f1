using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Training;

/// <summary>The day-before reminders of a session starting 2026-12-10: due from 09:00 China time on 2026-12-09.</summary>
public sealed class SessionRemindersTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(8, 16, 0, null)] // 2026-12-09 00:00 in China: the day before, but before 09:00
    [InlineData(9, 0, 59, null)] // 08:59
    [InlineData(9, 1, 0, 10)] // 09:00
    [InlineData(9, 15, 59, 10)] // 23:59, still the day before
    [InlineData(9, 16, 0, null)] // 2026-12-10 00:00 in China, still the 9th in UTC
    [InlineData(10, 1, 0, 11)] // 2026-12-10 09:00: the sessions of the 11th
    public void Reminders_are_due_from_9_in_China_for_the_sessions_of_the_next_day(int utcDay, int utcHour, int utcMinute, int? startsOnDay) =>
        Assert.Equal(
            startsOnDay is { } day ? new DateOnly(2026, 12, day) : null,
            SessionReminders.StartDateDueAt(new DateTimeOffset(2026, 12, utcDay, utcHour, utcMinute, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Confirmed_workers_are_reminded_at_9_the_day_before_not_at_8_59()
    {
        var session = await PlanAsync(TrainingData.Welding);
        var workers = await WorkersAsync(2);
        var codes = await EnrolAllAsync(session, workers);

        _database.Clock.SetUtcNow(China(9, 8, 59));
        Assert.Empty(await DueAsync());
        Assert.Null(await QueueAsync(codes[0].Enrolment));

        _database.Clock.SetUtcNow(China(9, 9, 0));
        Assert.Equal(codes.Select(c => c.Enrolment), await DueAsync());
        var reminder = await QueueAsync(codes[0].Enrolment);
        Assert.NotNull(reminder);
        Assert.Equal(workers[0], reminder.WorkerId);
        Assert.Equal(SessionReminders.Kind, reminder.Kind);
        Assert.Equal(MessagePurpose.Practical, reminder.Purpose);
        Assert.Equal("training-reminder:" + codes[0].Enrolment + ":20261210", reminder.Key);
        Assert.StartsWith("【培训提醒】您报名的「焊工」明天开班", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("时间：12月10日（星期四）开始", reminder.Text, StringComparison.Ordinal);
        Assert.Contains($"报名码：{codes[0].Code}", reminder.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 9, 0)] // two days before
    [InlineData(8, 23, 59)]
    [InlineData(10, 9, 0)] // the session day: too late, the worker is on their way
    [InlineData(11, 10, 0)]
    public async Task Nothing_goes_out_two_days_before_or_on_the_session_day(int day, int hour, int minute)
    {
        var (_, enrolment) = await EnrolOneAsync();

        _database.Clock.SetUtcNow(China(day, hour, minute));

        Assert.Empty(await DueAsync());
        Assert.Null(await QueueAsync(enrolment));
    }

    [Fact]
    public async Task A_server_down_at_9_still_reminds_late_that_evening()
    {
        var (_, enrolment) = await EnrolOneAsync();

        _database.Clock.SetUtcNow(China(9, 23, 30));

        Assert.NotNull(await QueueAsync(enrolment));
    }

    [Fact]
    public async Task A_cancelled_session_reminds_nobody()
    {
        var (session, enrolment) = await EnrolOneAsync();
        await using (var db = _database.Open())
        {
            (await db.TrainingSessions.SingleAsync(s => s.Id == session)).Cancel(_database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        _database.Clock.SetUtcNow(China(9, 9, 0));

        Assert.Empty(await DueAsync());
        Assert.Null(await QueueAsync(enrolment));
    }

    [Fact]
    public async Task Waiting_and_cancelled_enrolments_get_nothing_but_a_promoted_worker_does()
    {
        var session = await PlanAsync(TrainingData.Welding);
        var workers = await WorkersAsync(4);
        var enrolments = (await EnrolAllAsync(session, workers)).Select(e => e.Enrolment).ToList();
        await using (var db = _database.Open())
        {
            // The first cancels; the first waiting (the third) gets the seat, the fourth still waits.
            Assert.Equal(workers[2], (await new Enrolments(db, _database.Clock).CancelAsync(workers[0], enrolments[0], default))!.PromotedWorkerId);
        }

        _database.Clock.SetUtcNow(China(9, 9, 0));

        Assert.Equal([enrolments[1], enrolments[2]], await DueAsync());
        Assert.Null(await QueueAsync(enrolments[0]));
        Assert.Null(await QueueAsync(enrolments[3]));
        Assert.NotNull(await QueueAsync(enrolments[2]));
    }

    [Fact]
    public async Task A_worker_who_refused_reminders_still_gets_the_practical_one()
    {
        var session = await PlanAsync(TrainingData.Welding);
        var refused = await WorkersAsync(1, TrainingData.Worker with { AcceptsReminders = false });
        var enrolment = (await EnrolAllAsync(session, refused))[0].Enrolment;

        _database.Clock.SetUtcNow(China(9, 9, 0));

        Assert.Equal([enrolment], await DueAsync());
        Assert.NotNull(await QueueAsync(enrolment));
    }

    [Fact]
    public async Task A_reminder_is_queued_once_however_often_the_job_runs()
    {
        var (_, enrolment) = await EnrolOneAsync();
        _database.Clock.SetUtcNow(China(9, 9, 0));

        Assert.NotNull(await QueueAsync(enrolment));
        Assert.Null(await QueueAsync(enrolment));
        _database.Clock.SetUtcNow(China(9, 10, 0));
        Assert.Equal([enrolment], await DueAsync());
        Assert.Null(await QueueAsync(enrolment));

        await using var db = _database.Open();
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.Kind == SessionReminders.Kind));
    }

    [Fact]
    public async Task A_session_moved_after_its_reminder_is_reminded_again_the_day_before_the_new_date()
    {
        var (session, enrolment) = await EnrolOneAsync();
        _database.Clock.SetUtcNow(China(9, 9, 0));
        Assert.NotNull(await QueueAsync(enrolment));
        await using (var db = _database.Open())
        {
            (await db.TrainingSessions.SingleAsync(s => s.Id == session)).Change(TrainingData.Welding with { StartsOn = new DateOnly(2026, 12, 17) }, TrainingData.Today);
            await db.SaveChangesAsync();
        }

        _database.Clock.SetUtcNow(China(16, 9, 0));

        Assert.Equal([enrolment], await DueAsync());
        var moved = await QueueAsync(enrolment);
        Assert.NotNull(moved);
        Assert.Equal(SessionReminders.Key(enrolment, new DateOnly(2026, 12, 17)), moved.Key);
        Assert.Contains("时间：12月17日（星期四）开始", moved.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_enrolments_come_in_batches_by_id_and_only_for_tomorrows_sessions()
    {
        var tomorrow = await PlanAsync(TrainingData.Welding with { Seats = 3 });
        var later = await PlanAsync(TrainingData.Welding with { StartsOn = new DateOnly(2026, 12, 11) }, "电工");
        var workers = await WorkersAsync(3);
        var due = (await EnrolAllAsync(tomorrow, workers)).Select(e => e.Enrolment).ToList();
        await EnrolAllAsync(later, workers);
        _database.Clock.SetUtcNow(China(9, 9, 0));

        Assert.Equal(due[..2], await DueAsync(afterEnrolmentId: 0, count: 2));
        Assert.Equal(due[2..], await DueAsync(afterEnrolmentId: due[1], count: 2));
    }

    private static DateTimeOffset China(int day, int hour, int minute) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>A 焊工 session and one confirmed worker's enrolment in it.</summary>
    private async Task<(int Session, int Enrolment)> EnrolOneAsync()
    {
        var session = await PlanAsync(TrainingData.Welding);
        return (session, (await EnrolAllAsync(session, await WorkersAsync(1)))[0].Enrolment);
    }

    private async Task<int> PlanAsync(TrainingSessionDetails details, string course = "焊工")
    {
        await using var db = _database.Open();
        return await TrainingData.PlanAsync(db, details, course);
    }

    private async Task<List<int>> WorkersAsync(int count, WorkerProfile? profile = null)
    {
        await using var db = _database.Open();
        return await TrainingData.WorkersAsync(db, _database.Clock, count, profile);
    }

    /// <summary>Enrols the workers in order, at the test's start (2026-11-29, while the session is open).</summary>
    private async Task<List<(int Enrolment, string Code)>> EnrolAllAsync(int session, IEnumerable<int> workers)
    {
        await using var db = _database.Open();
        var enrolments = new Enrolments(db, _database.Clock);
        foreach (var worker in workers)
        {
            await enrolments.EnrolAsync(worker, session, default);
        }

        return await db.Enrolments.Where(e => e.SessionId == session).OrderBy(e => e.Id).Select(e => ValueTuple.Create(e.Id, e.Code)).ToListAsync();
    }

    private async Task<IReadOnlyList<int>> DueAsync(int afterEnrolmentId = 0, int count = 100)
    {
        await using var db = _database.Open();
        return await new SessionReminders(db, _database.Clock).DueAsync(afterEnrolmentId, count, default);
    }

    /// <summary>Queues the enrolment's reminder now: the message queued, or null when none was due or it was queued already.</summary>
    private async Task<OutboxMessage?> QueueAsync(int enrolmentId)
    {
        await using var db = _database.Open();
        if (await new SessionReminders(db, _database.Clock).QueueAsync([enrolmentId], default) == 0)
        {
            return null;
        }

        return await db.Outbox.AsNoTracking().Where(m => m.Kind == SessionReminders.Kind).OrderByDescending(m => m.Id).FirstAsync();
    }
}
