using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Support;

/// <summary>The workers behind test conversations, as any feature's tests need them.</summary>
public static class WorkerProfiles
{
    /// <summary>Gives the worker behind <paramref name="userId"/> (who must have written once) a profile.</summary>
    public static async Task SetAsync(PingtangFactory factory, string userId, WorkerProfile profile)
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
