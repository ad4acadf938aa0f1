using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
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

    /// <summary>A worker of 掌布镇, born 1985, with no conversation: one staff pages list by name and mobile.</summary>
    public static async Task<int> AddAsync(PingtangDb db, string name, string mobile)
    {
        ArgumentNullException.ThrowIfNull(db);
        var worker = Worker.Register(TestClock.Now);
        worker.UpdateProfile(WorkerProfile.Empty with { Name = name, Mobile = mobile, BirthYear = 1985, HomeTownship = "掌布镇" }, TestClock.Now);
        db.Workers.Add(worker);
        await db.SaveChangesAsync();
        return worker.Id;
    }
}
