using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Training;

namespace Pingtang.Domain.Tests.Training;

public sealed class TrainingSessionChangesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Cancelling_ends_every_live_enrolment_and_queues_one_notice_per_worker()
    {
        var (session, workers) = await FullSessionAsync();

        await using var db = _database.Open();
        var told = await new TrainingSessionChanges(db, _database.Clock).CancelAsync(session, default);

        Assert.Equal(workers, told);
        Assert.All(await db.Enrolments.AsNoTracking().ToListAsync(), e => Assert.Equal(EnrolmentStatus.Cancelled, e.Status));
        Assert.Equal(workers, await db.Outbox.Where(m => m.Kind == TrainingNotices.CancelledKind).OrderBy(m => m.Id).Select(m => m.WorkerId).ToListAsync());
        Assert.All(await db.Outbox.ToListAsync(), m => Assert.StartsWith("【培训停课通知】很抱歉，焊工培训", m.Text, StringComparison.Ordinal));
        Assert.Empty((await new TrainingSessionChanges(db, _database.Clock).CancelAsync(session, default))!);
    }

    [Fact]
    public async Task Moving_tells_the_enrolled_and_waiting_but_changing_the_fee_tells_nobody()
    {
        var (session, workers) = await FullSessionAsync();

        await using var db = _database.Open();
        var changes = new TrainingSessionChanges(db, _database.Clock);
        var feeOnly = await changes.ChangeAsync(session, TrainingData.Welding with { Fee = "政府补贴" }, default);
        var moved = await changes.ChangeAsync(session, TrainingData.Welding with { Place = "广州市白云区技师学院", StartsOn = new(2026, 12, 12) }, default);

        Assert.Empty(feeOnly!);
        Assert.Equal(workers, moved);
        Assert.Equal(3, await db.Outbox.CountAsync(m => m.Kind == TrainingNotices.MovedKind));
        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        await changes.ChangeAsync(session, TrainingData.Welding with { Place = "平塘县公共实训基地", StartsOn = new(2026, 12, 12) }, default);
        Assert.Equal(6, await db.Outbox.CountAsync(m => m.Kind == TrainingNotices.MovedKind));
    }

    [Fact]
    public async Task Seats_cannot_go_below_the_confirmed_workers()
    {
        var (session, _) = await FullSessionAsync();

        await using var db = _database.Open();
        var e = await Assert.ThrowsAsync<DomainException>(() => new TrainingSessionChanges(db, _database.Clock).ChangeAsync(session, TrainingData.Welding with { Seats = 1 }, default));

        Assert.Contains("名额不能少于2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_per_course_split_enrolled_waiting_attended_and_completed()
    {
        await FullSessionAsync();
        await using (var db = _database.Open())
        {
            var enrolments = await db.Enrolments.OrderBy(e => e.Id).ToListAsync();
            enrolments[0].MarkAttended();
            enrolments[1].MarkCompleted();
            await db.SaveChangesAsync();
        }

        await using var read = _database.Open();
        var welding = (await CourseCounts.ForAllCoursesAsync(read, null, default)).Single(c => c.Course == "焊工");

        Assert.Equal(new CourseCounts("焊工", 1, 2, 1, 2, 1), welding);
        Assert.Equal(Course.Catalogue.Count, (await CourseCounts.ForAllCoursesAsync(read, null, default)).Count);
    }

    /// <summary>Two seats taken and one worker waiting.</summary>
    private async Task<(int Session, List<int> Workers)> FullSessionAsync()
    {
        await using var db = _database.Open();
        var session = await TrainingData.PlanAsync(db, TrainingData.Welding);
        var workers = await TrainingData.WorkersAsync(db, _database.Clock, 3);
        foreach (var worker in workers)
        {
            await new Enrolments(db, _database.Clock).EnrolAsync(worker, session, default);
        }

        return (session, workers);
    }
}
