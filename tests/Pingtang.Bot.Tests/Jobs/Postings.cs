using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>Postings and workers put straight into a test host's database, for conversations about them.</summary>
public static class Postings
{
    /// <summary>2026-11-29 10:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    public static readonly JobPostingDraft Factory = new()
    {
        ExternalId = "GD-1",
        Title = "电子厂普工",
        Trade = "操作工",
        Employer = "东莞某电子有限公司",
        Province = "广东",
        City = "东莞",
        District = "大朗镇",
        MonthlyPayMin = 5000,
        MonthlyPayMax = 6500,
        MealsProvided = true,
        HousingProvided = true,
        AgeMin = 18,
        AgeMax = 45,
        Station = Station.DongguanDalang,
        ClosesOn = new DateOnly(2027, 3, 31),
        Description = "长白班",
    };

    public static Task AddAsync(PingtangFactory factory, params JobPostingDraft[] drafts) => AddAtAsync(factory, Now, drafts);

    public static async Task AddAtAsync(PingtangFactory factory, DateTimeOffset importedAt, params JobPostingDraft[] drafts)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var stations = db.Stations.ToDictionary(s => s.Name, s => s.Id);
        foreach (var draft in drafts)
        {
            db.JobPostings.Add(JobPosting.Create(draft, stations[draft.Station], "测试", importedAt));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Gives the worker behind <paramref name="userId"/> (who must have written once) a profile.</summary>
    public static async Task SetProfileAsync(PingtangFactory factory, string userId, WorkerProfile profile)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var workerId = await WorkerIdAsync(factory, userId);
        await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().SaveProfileAsync(workerId, profile, default);
    }

    public static async Task<int> WorkerIdAsync(PingtangFactory factory, string userId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        return db.Set<WorkerAddress>().Single(a => a.UserId == userId).WorkerId;
    }
}
