using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Training;

public sealed class EnrolmentsTests : IAsyncLifetime
{
    private static readonly TrainingSessionDetails Welding = TrainingData.Welding;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Seats_go_in_arrival_order_then_the_waiting_list_counts_from_one()
    {
        var session = await PlanAsync(Welding);
        var workers = await WorkersAsync(4);

        var results = new List<EnrolResult>();
        foreach (var worker in workers)
        {
            results.Add(await EnrolAsync(worker, session));
        }

        Assert.IsType<EnrolResult.Confirmed>(results[0]);
        Assert.IsType<EnrolResult.Confirmed>(results[1]);
        Assert.Equal(1, Assert.IsType<EnrolResult.Waiting>(results[2]).Position);
        Assert.Equal(2, Assert.IsType<EnrolResult.Waiting>(results[3]).Position);
        Assert.Equal(2, await SeatsTakenAsync(session));
    }

    [Fact]
    public async Task Cancelling_a_seat_promotes_the_first_waiting_worker_and_moves_the_list_up()
    {
        var session = await PlanAsync(Welding);
        var workers = await WorkersAsync(4);
        foreach (var worker in workers)
        {
            await EnrolAsync(worker, session);
        }

        await using var db = _database.Open();
        var enrolments = new Enrolments(db, _database.Clock);
        var first = await db.Enrolments.SingleAsync(e => e.WorkerId == workers[0]);
        var result = await enrolments.CancelAsync(workers[0], first.Id, default);

        Assert.Equal(workers[2], result!.PromotedWorkerId);
        var notice = await db.Outbox.SingleAsync();
        Assert.Equal((workers[2], TrainingNotices.PromotedKind, Pingtang.Domain.Outbox.OutboxState.Queued), (notice.WorkerId, notice.Kind, notice.State));
        Assert.Contains($"确认码：{(await db.Enrolments.SingleAsync(e => e.WorkerId == workers[2])).Code}", notice.Text, StringComparison.Ordinal);
        var statuses = await db.Enrolments.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Status).ToListAsync();
        Assert.Equal([EnrolmentStatus.Cancelled, EnrolmentStatus.Confirmed, EnrolmentStatus.Confirmed, EnrolmentStatus.Waiting], statuses);
        Assert.Equal(1, (await enrolments.ListAsync(workers[3], default)).Single().Position);
        Assert.Equal(2, await SeatsTakenAsync(session));
    }

    [Fact]
    public async Task Cancelling_with_nobody_waiting_gives_the_seat_back()
    {
        var session = await PlanAsync(Welding);
        var worker = (await WorkersAsync(1))[0];
        await EnrolAsync(worker, session);

        await using var db = _database.Open();
        var enrolment = await db.Enrolments.SingleAsync();
        var result = await new Enrolments(db, _database.Clock).CancelAsync(worker, enrolment.Id, default);

        Assert.Null(result!.PromotedWorkerId);
        Assert.Equal(0, await SeatsTakenAsync(session));
        Assert.Null(await new Enrolments(db, _database.Clock).CancelAsync(worker, enrolment.Id, default));
    }

    [Fact]
    public async Task Enrolling_twice_keeps_one_enrolment_and_says_where_the_worker_stands()
    {
        var session = await PlanAsync(Welding with { Seats = 1 });
        var workers = await WorkersAsync(2);
        await EnrolAsync(workers[0], session);
        await EnrolAsync(workers[1], session);

        Assert.Equal(new EnrolResult.AlreadyEnrolled(await CodeAsync(workers[0]), null), await EnrolAsync(workers[0], session));
        Assert.Equal(new EnrolResult.AlreadyEnrolled(await CodeAsync(workers[1]), 1), await EnrolAsync(workers[1], session));
        await using var db = _database.Open();
        Assert.Equal(2, await db.Enrolments.CountAsync());
    }

    [Theory]
    [InlineData(1960, "掌布镇", "年龄18到55岁")]
    [InlineData(2005, "者密镇", "只招掌布镇、通州镇户籍")]
    [InlineData(2005, null, "只招掌布镇、通州镇户籍")]
    public async Task Ineligible_worker_is_told_why_and_nothing_is_saved(int birthYear, string? township, string reason)
    {
        var session = await PlanAsync(Welding with { Townships = ["掌布镇", "通州镇"] });
        var worker = (await WorkersAsync(1, WorkerProfile.Empty with { BirthYear = birthYear, HomeTownship = township }))[0];

        var result = Assert.IsType<EnrolResult.Refused>(await EnrolAsync(worker, session));

        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await SeatsTakenAsync(session));
    }

    [Fact]
    public async Task Enrolment_closes_after_its_last_day_in_China()
    {
        var session = await PlanAsync(Welding);
        var worker = (await WorkersAsync(1))[0];
        // 2026-12-09 00:30 in China, still the 8th in UTC.
        _database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new EnrolResult.Refused("这一期已经截止报名"), await EnrolAsync(worker, session));
    }

    [Fact]
    public async Task The_database_refuses_more_confirmed_seats_than_there_are()
    {
        var session = await PlanAsync(Welding);
        await using var db = _database.Open();

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            db.TrainingSessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, 3)));
    }

    [Fact]
    public void Staff_details_are_checked()
    {
        Assert.Contains("结束日期", (Welding with { EndsOn = new DateOnly(2026, 12, 1) }).Validate(TrainingData.Today), StringComparison.Ordinal);
        Assert.Contains("报名截止", (Welding with { EnrolBy = new DateOnly(2026, 12, 11) }).Validate(TrainingData.Today), StringComparison.Ordinal);
        Assert.Contains("名额", (Welding with { Seats = 0 }).Validate(TrainingData.Today), StringComparison.Ordinal);
        Assert.Contains("都匀", (Welding with { Townships = ["都匀"] }).Validate(TrainingData.Today), StringComparison.Ordinal);
        Assert.Null(Welding.Validate(TrainingData.Today));
    }

    [Fact]
    public void Staff_details_keep_their_text_clean()
    {
        var details = Welding with { Place = "平塘县\u202E公共实训基地", Bring = "身份证\u0000", Townships = ["掌布镇\u200B"] };

        Assert.Equal(("平塘县公共实训基地", "身份证", "掌布镇"), (details.Place, details.Bring, details.Townships.Single()));
        Assert.Null(details.Validate(TrainingData.Today));
    }

    private async Task<int> PlanAsync(TrainingSessionDetails details)
    {
        await using var db = _database.Open();
        return await TrainingData.PlanAsync(db, details);
    }

    private async Task<List<int>> WorkersAsync(int count, WorkerProfile? profile = null)
    {
        await using var db = _database.Open();
        return await TrainingData.WorkersAsync(db, _database.Clock, count, profile);
    }

    private async Task<EnrolResult> EnrolAsync(int worker, int session)
    {
        await using var db = _database.Open();
        return await new Enrolments(db, _database.Clock).EnrolAsync(worker, session, default);
    }

    private async Task<int> SeatsTakenAsync(int session)
    {
        await using var db = _database.Open();
        return await db.TrainingSessions.Where(s => s.Id == session).Select(s => s.SeatsTaken).SingleAsync();
    }

    private async Task<string> CodeAsync(int worker)
    {
        await using var db = _database.Open();
        return await db.Enrolments.Where(e => e.WorkerId == worker).Select(e => e.Code).SingleAsync();
    }
}
