using Pingtang.Domain.Jobs;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Jobs;

public sealed class SavedSearchesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Saving_the_same_search_twice_keeps_one()
    {
        var worker = await RegisterAsync();

        Assert.Equal(SaveSearchOutcome.Saved, await SaveAsync(worker, new JobQuery { City = "东莞市", Keywords = ["电子厂", "夜班"] }));
        Assert.Equal(SaveSearchOutcome.AlreadySaved, await SaveAsync(worker, new JobQuery { City = "东莞市", Keywords = ["电子厂", "夜班"] }));

        Assert.Single(await ListAsync(worker));
    }

    [Fact]
    public async Task Saved_search_comes_back_as_it_was_saved()
    {
        var worker = await RegisterAsync();
        var query = new JobQuery
        {
            Province = Places.Guangdong,
            City = "东莞市",
            District = "大朗镇",
            TradeGroup = "电工",
            MinMonthlyPay = 6000,
            NeedsMeals = true,
            NeedsHousing = true,
            Keywords = ["夜班"],
        };

        await SaveAsync(worker, query);

        var saved = Assert.Single(await ListAsync(worker));
        Assert.Equal(query, saved.Query);
        Assert.Equal(_database.Clock.GetUtcNow(), saved.SavedAt);
    }

    [Fact]
    public async Task A_worker_keeps_at_most_five_searches()
    {
        var worker = await RegisterAsync();
        for (var pay = 1; pay <= SavedSearch.MaxPerWorker; pay++)
        {
            Assert.Equal(SaveSearchOutcome.Saved, await SaveAsync(worker, new JobQuery { MinMonthlyPay = pay * 1000 }));
        }

        Assert.Equal(SaveSearchOutcome.LimitReached, await SaveAsync(worker, new JobQuery { MinMonthlyPay = 9000 }));
        Assert.Equal(SaveSearchOutcome.AlreadySaved, await SaveAsync(worker, new JobQuery { MinMonthlyPay = 1000 }));
        Assert.Equal(SavedSearch.MaxPerWorker, (await ListAsync(worker)).Count);
    }

    [Fact]
    public async Task Two_workers_may_save_the_same_search_and_each_deletes_only_their_own()
    {
        var first = await RegisterAsync();
        var second = await RegisterAsync();
        await SaveAsync(first, JobQuery.Anything);
        await SaveAsync(second, JobQuery.Anything);
        var firstSearch = Assert.Single(await ListAsync(first));

        await using (var db = _database.Open())
        {
            var searches = new SavedSearches(db, _database.Clock);
            Assert.False(await searches.DeleteAsync(second, firstSearch.Id, default));
            Assert.True(await searches.DeleteAsync(first, firstSearch.Id, default));
            Assert.False(await searches.DeleteAsync(first, firstSearch.Id, default));
        }

        Assert.Empty(await ListAsync(first));
        Assert.Single(await ListAsync(second));
    }

    private async Task<int> RegisterAsync()
    {
        await using var db = _database.Open();
        return (await new WorkerRegistry(db, _database.Clock).RegisterAsync(default)).Id;
    }

    private async Task<SaveSearchOutcome> SaveAsync(int workerId, JobQuery query)
    {
        await using var db = _database.Open();
        return await new SavedSearches(db, _database.Clock).SaveAsync(workerId, query, default);
    }

    private async Task<IReadOnlyList<SavedSearch>> ListAsync(int workerId)
    {
        await using var db = _database.Open();
        return await new SavedSearches(db, _database.Clock).ListAsync(workerId, default);
    }
}
