using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>Postings and workers put straight into a test host's database, for conversations about them.</summary>
public static class Postings
{
    /// <summary>2026-11-29 10:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

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
