using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Domain.Tests.Broadcasts;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Workers;

/// <summary>
/// Answers that race, each with a unit of work and a connection of its own, on a SQLite file in WAL mode as the service
/// keeps it: the database, not a check in C#, makes sure a person ends as one worker, with every row once.
/// </summary>
public sealed class WorkerLinkConcurrencyTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestDatabase.DefaultNow);
    private FileDatabase _database = null!;

    public async Task InitializeAsync() => _database = await FileDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_same_code_sent_twice_at_once_links_once_and_moves_each_row_once()
    {
        var (owner, asker) = await TwoWorkersAsync("13812345678", null);
        var session = await EnrolAsync(asker);
        await ClaimAsync(asker, "13812345678");
        var code = await CodeAsync(asker);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => ConfirmAsync(asker, code))));

        Assert.Equal([new LinkAnswer.Expired(), new LinkAnswer.Linked(owner)], answers.OrderBy(a => a is LinkAnswer.Linked));
        await using var check = _database.Open();
        Assert.Equal(owner, (await check.Enrolments.SingleAsync(e => e.SessionId == session)).WorkerId);
        Assert.Single(await check.AuditLog.ToListAsync());
        Assert.Equal(owner, (await check.Workers.SingleAsync(w => w.Id == asker)).MergedIntoId);
    }

    [Fact]
    public async Task Two_workers_linking_to_each_other_at_once_end_as_one_not_as_two_tombstones()
    {
        var (first, second) = await TwoWorkersAsync("13812345678", "13900001111");
        await ClaimAsync(first, "13900001111");
        await ClaimAsync(second, "13812345678");
        var (firstCode, secondCode) = (await CodeAsync(first), await CodeAsync(second));

        var answers = await Task.WhenAll(Task.Run(() => ConfirmAsync(first, firstCode)), Task.Run(() => ConfirmAsync(second, secondCode)));

        await using var check = _database.Open();
        var workers = await check.Workers.Where(w => w.Id == first || w.Id == second).ToListAsync();
        var survivor = Assert.Single(workers, w => w.MergedIntoId is null);
        Assert.Equal(survivor.Id, Assert.Single(workers, w => w.MergedIntoId is not null).MergedIntoId);
        Assert.Single(answers.OfType<LinkAnswer.Linked>().Distinct());
        Assert.Single(await check.AuditLog.ToListAsync());
    }


    /// <summary>Two workers, each with a profile with <paramref name="first"/> or <paramref name="second"/> as the number, and a channel.</summary>
    private async Task<(int, int)> TwoWorkersAsync(string first, string? second)
    {
        await using var db = _database.Open();
        var workers = await TrainingData.WorkersAsync(db, _clock, 2);
        var registry = new WorkerRegistry(db, _clock);
        await registry.SaveProfileAsync(workers[0], TrainingData.Worker with { Mobile = first }, default);
        await registry.SaveProfileAsync(workers[1], TrainingData.Worker with { Mobile = second }, default);
        await BroadcastData.AddressAsync(db, workers[0], "directline");
        await BroadcastData.AddressAsync(db, workers[1], "wechat");
        return (workers[0], workers[1]);
    }

    private async Task<int> EnrolAsync(int workerId)
    {
        await using var db = _database.Open();
        var session = await TrainingData.PlanAsync(db, TrainingData.Welding);
        await new Enrolments(db, _clock).EnrolAsync(workerId, session, default);
        return session;
    }

    private async Task ClaimAsync(int workerId, string mobile)
    {
        await using var db = _database.Open();
        Assert.IsType<MobileClaim.CodeSent>(await new WorkerLinks(db, _clock, WorkerLinksTests.Features(db, _clock)).ClaimMobileAsync(workerId, mobile, default));
    }

    private async Task<LinkAnswer> ConfirmAsync(int workerId, string code)
    {
        await using var db = _database.Open();
        return await new WorkerLinks(db, _clock, WorkerLinksTests.Features(db, _clock)).ConfirmAsync(workerId, code, default);
    }

    private async Task<string> CodeAsync(int workerId)
    {
        await using var db = _database.Open();
        return (await db.WorkerLinks.SingleAsync(l => l.WorkerId == workerId && l.State == WorkerLinkState.Pending)).Code;
    }
}
