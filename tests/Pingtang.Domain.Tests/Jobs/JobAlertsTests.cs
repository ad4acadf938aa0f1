using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Jobs;

public sealed class JobAlertsTests : IAsyncLifetime
{
    private static readonly JobPostingDraft Welder = new()
    {
        ExternalId = "焊工",
        Title = "焊工",
        Trade = "焊工",
        Employer = "广州某钢构厂",
        Province = "广东",
        City = "广州",
        District = "白云区",
        MonthlyPayMin = 7000,
        Station = Station.GuangzhouBaiyun,
        ClosesOn = new DateOnly(2027, 1, 31),
    };

    private static readonly JobQuery Guangdong = new() { Province = Places.Guangdong };

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task New_postings_reach_a_consenting_worker_newest_first_three_at_most()
    {
        var worker = await WorkerAsync();
        await SaveAsync(worker, Guangdong);
        await PostAsync(Job("旧") with { MonthlyPayMin = 9000 });
        _database.Clock.Advance(TimeSpan.FromDays(1));
        await PostAsync(Job("低薪") with { MonthlyPayMin = 5000 }, Job("高薪") with { MonthlyPayMin = 8000 }, Job("中薪") with { MonthlyPayMin = 6000 });

        Assert.Equal(["高薪", "中薪", "低薪"], await QueueAsync(worker));
    }

    [Fact]
    public async Task Without_consent_nothing_is_picked()
    {
        var never = await WorkerAsync(consents: false);
        var unsubscribed = await WorkerAsync();
        await SaveAsync(never, Guangdong);
        await SaveAsync(unsubscribed, Guangdong);
        await using (var db = _database.Open())
        {
            await new WorkerRegistry(db, _database.Clock).SetRemindersAsync(unsubscribed, accepts: false, default);
        }

        await PostAsync(Job("焊工"));

        Assert.Empty(await DueAsync());
        Assert.Null(await QueueAsync(never));
        Assert.Null(await QueueAsync(unsubscribed));
    }

    [Fact]
    public async Task At_night_the_alert_is_queued_as_promotional_for_the_outbox_to_hold_until_morning()
    {
        var worker = await WorkerAsync();
        await SaveAsync(worker, Guangdong);
        await PostAsync(Job("焊工"));
        _database.Clock.SetUtcNow(China(29, 23, 0));

        Assert.Equal([worker], await DueAsync());
        Assert.Equal(["焊工"], await QueueAsync(worker));

        await using var db = _database.Open();
        var message = await db.Outbox.SingleAsync();
        Assert.Equal((worker, JobAlerts.Kind, MessagePurpose.Promotional, $"job-alert:{worker}:20261129", "提醒"), (message.WorkerId, message.Kind, message.Purpose, message.Key, message.Text));
        Assert.Equal(new OutboxDecision.Defer(China(30, 8, 0)), OutboxRules.Decide(message.Purpose, acceptsReminders: true, _database.Clock.GetUtcNow(), QuietHours.Default));
    }

    [Fact]
    public async Task One_alert_a_day_in_China_and_never_the_same_posting_twice()
    {
        var worker = await WorkerAsync();
        await SaveAsync(worker, Guangdong);
        await PostAsync(Job("一"), Job("二"), Job("三"), Job("四"));

        Assert.Equal(3, (await QueueAsync(worker))?.Count);
        Assert.Empty(await DueAsync());
        Assert.Null(await QueueAsync(worker));

        // 21:00 in China: another posting arrived, but the day's alert is queued.
        _database.Clock.SetUtcNow(China(29, 21, 0));
        await PostAsync(Job("五"));
        Assert.Null(await QueueAsync(worker));

        _database.Clock.SetUtcNow(China(30, 8, 0));
        Assert.Equal(["五", "一"], await QueueAsync(worker));

        _database.Clock.SetUtcNow(China(30, 9, 0).AddDays(1));
        Assert.Null(await QueueAsync(worker));
        Assert.Equal([worker], await DueAsync());
    }

    [Fact]
    public async Task Only_postings_new_or_updated_since_the_search_was_saved_count()
    {
        var worker = await WorkerAsync();
        await PostAsync(Job("早就有"), Job("后来更新"));
        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        await SaveAsync(worker, Guangdong);

        Assert.Null(await QueueAsync(worker));

        await using (var db = _database.Open())
        {
            var posting = await db.JobPostings.SingleAsync(j => j.Title == "后来更新");
            posting.Update(Job("后来更新") with { MonthlyPayMin = 7500 }, posting.StationId, "第二次导入", _database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.Equal(["后来更新"], await QueueAsync(worker));
    }

    [Fact]
    public async Task Postings_the_worker_is_too_old_for_or_that_closed_are_never_picked()
    {
        var worker = await WorkerAsync(birthYear: 1966);
        await SaveAsync(worker, Guangdong);
        await PostAsync(
            Job("限45岁") with { AgeMax = 45 },
            Job("已撤下"),
            Job("今天截止") with { ClosesOn = new DateOnly(2026, 11, 29) },
            Job("60岁以下") with { AgeMin = 40, AgeMax = 60 });
        await using (var db = _database.Open())
        {
            (await db.JobPostings.SingleAsync(j => j.Title == "已撤下")).Close(_database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        // 2026-11-30 08:00 in China: the posting that closed on the 29th has expired.
        _database.Clock.SetUtcNow(China(30, 8, 0));

        Assert.Equal(["60岁以下"], await QueueAsync(worker));
    }

    [Fact]
    public async Task Every_saved_search_of_the_worker_feeds_the_one_alert()
    {
        var worker = await WorkerAsync();
        await SaveAsync(worker, new JobQuery { District = "白云区" });
        await SaveAsync(worker, new JobQuery { Keywords = ["钢构"] });
        await SaveAsync(worker, new JobQuery { District = "大朗镇" });
        await PostAsync(
            Job("白云焊工") with { MonthlyPayMin = 6000 },
            Job("大朗电工") with { City = "东莞", District = "大朗镇", Employer = "东莞某电子厂", Station = Station.DongguanDalang, MonthlyPayMin = 9000 },
            Job("贵阳钢构") with { Province = "贵州", City = "贵阳", District = "白云区", MonthlyPayMin = 8000 },
            Job("宁波普工") with { Province = "浙江", City = "宁波", District = "北仑区", Employer = "宁波某厂", MonthlyPayMin = 9500 });

        Assert.Equal(["大朗电工", "贵阳钢构", "白云焊工"], await QueueAsync(worker));
    }

    [Fact]
    public async Task Two_runs_at_once_record_one_alert_with_one_message()
    {
        var worker = await WorkerAsync();
        await SaveAsync(worker, Guangdong);
        await PostAsync(Job("焊工"));
        await using var first = _database.Open();
        await using var second = _database.Open();
        var firstAlerts = new JobAlerts(first, _database.Clock);
        var secondAlerts = new JobAlerts(second, _database.Clock);
        var firstPick = await firstAlerts.PickAsync(worker, default);
        var secondPick = await secondAlerts.PickAsync(worker, default);

        Assert.True(await firstAlerts.QueueAsync(firstPick!, "提醒", default));
        Assert.False(await secondAlerts.QueueAsync(secondPick!, "提醒", default));

        await using var db = _database.Open();
        Assert.Equal(1, await db.JobAlerts.CountAsync());
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.Kind == JobAlerts.Kind));
    }

    [Fact]
    public async Task The_database_refuses_a_second_alert_the_same_day_and_a_posting_named_twice()
    {
        var worker = await WorkerAsync();
        await SaveAsync(worker, Guangdong);
        await PostAsync(Job("焊工"));
        Assert.NotNull(await QueueAsync(worker));
        var today = ChinaTime.Today(_database.Clock);

        await using var db = _database.Open();
        var posting = await db.JobPostings.SingleAsync();
        db.JobAlerts.Add(new JobAlert { WorkerId = worker, SentOn = today, SentAt = _database.Clock.GetUtcNow() });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        db.JobAlerts.Add(new JobAlert
        {
            WorkerId = worker,
            SentOn = today.AddDays(1),
            SentAt = _database.Clock.GetUtcNow(),
            Postings = [new JobAlertPosting { WorkerId = worker, JobPostingId = posting.Id }],
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Due_workers_come_in_batches_by_id()
    {
        var workers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            workers.Add(await WorkerAsync());
            await SaveAsync(workers[^1], Guangdong);
        }

        var withoutSearch = await WorkerAsync();

        Assert.Equal(workers[..2], await DueAsync(afterWorkerId: 0, count: 2));
        Assert.Equal(workers[2..], await DueAsync(afterWorkerId: workers[1], count: 2));
        Assert.DoesNotContain(withoutSearch, await DueAsync());
    }

    private static DateTimeOffset China(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static JobPostingDraft Job(string title) => Welder with { ExternalId = title, Title = title };

    private async Task<int> WorkerAsync(bool consents = true, int birthYear = 1985)
    {
        await using var db = _database.Open();
        var registry = new WorkerRegistry(db, _database.Clock);
        var worker = await registry.RegisterAsync(default);
        await registry.SaveProfileAsync(worker.Id, WorkerProfile.Empty with { BirthYear = birthYear, AcceptsReminders = consents }, default);
        return worker.Id;
    }

    private async Task SaveAsync(int workerId, JobQuery query)
    {
        await using var db = _database.Open();
        Assert.Equal(SaveSearchOutcome.Saved, await new SavedSearches(db, _database.Clock).SaveAsync(workerId, query, default));

        // Postings the test adds next come after the search, as they would in life, not at the same tick.
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private async Task PostAsync(params JobPostingDraft[] drafts)
    {
        await using var db = _database.Open();
        var stations = await db.Stations.ToDictionaryAsync(s => s.Name, s => s.Id);
        db.JobPostings.AddRange(drafts.Select(d => JobPosting.Create(d, stations[d.Station], "测试", _database.Clock.GetUtcNow())));
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<int>> DueAsync(int afterWorkerId = 0, int count = 100)
    {
        await using var db = _database.Open();
        return await new JobAlerts(db, _database.Clock).DueAsync(afterWorkerId, count, default);
    }

    /// <summary>Picks and queues the worker's alert now; the titles it names, or null when none was queued.</summary>
    private async Task<List<string>?> QueueAsync(int workerId)
    {
        await using var db = _database.Open();
        var alerts = new JobAlerts(db, _database.Clock);
        return await alerts.PickAsync(workerId, default) is { } alert && await alerts.QueueAsync(alert, "提醒", default)
            ? alert.Postings.Select(p => p.Title).ToList()
            : null;
    }
}
