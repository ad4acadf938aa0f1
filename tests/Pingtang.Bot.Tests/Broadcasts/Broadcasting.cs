using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Broadcasts;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Broadcasts;

/// <summary>A campaign through a test host: made and approved, its fan-out run as Hangfire would run the jobs, its report.</summary>
public static class Broadcasting
{
    public const string Text = "正月初六起有返岗专车，回复「菜单」报名。";

    /// <summary>An approved campaign to <paramref name="audience"/> from now.</summary>
    public static async Task<int> ScheduleAsync(PingtangFactory factory, TimeProvider clock, Audience? audience = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var campaigns = scope.ServiceProvider.GetRequiredService<Campaigns>();
        var campaign = await campaigns.DraftAsync(new CampaignContent("返岗专车", Text, [], audience ?? Audience.Everyone, clock.GetUtcNow()), Station.CountyCentreId, null, default);
        campaign.Schedule(approvedBy: null, clock.GetUtcNow());
        await scope.ServiceProvider.GetRequiredService<PingtangDb>().SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>The minute job, then the fan-out runs it enqueued, one after the other, as a Hangfire server would.</summary>
    public static async Task FanOutAsync(PingtangFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var campaigns = scope.ServiceProvider.GetRequiredService<Campaigns>();
        foreach (var id in await campaigns.TakeDueAsync(default))
        {
            while (!(await scope.ServiceProvider.GetRequiredService<Campaigns>().FanOutAsync(id, default)).Finished)
            {
            }
        }
    }

    /// <summary>A worker who wrote once from <paramref name="userId"/> (so the test channel reaches them), with their answer to reminders.</summary>
    public static async Task<int> TalkingWorkerAsync(PingtangFactory factory, string userId, bool consents)
    {
        await Conversation.Start(factory, userId).Send("你好").StartTestAsync();
        await WorkerProfiles.SetAsync(factory, userId, WorkerProfile.Empty with { AcceptsReminders = consents });
        return await WorkerProfiles.WorkerIdAsync(factory, userId);
    }

    public static async Task<CampaignReport> ReportAsync(PingtangFactory factory, int campaignId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Campaigns>().ReportAsync(campaignId, default);
    }

    public static async Task<CampaignState> StateAsync(PingtangFactory factory, int campaignId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Campaigns.Where(c => c.Id == campaignId).Select(c => c.State).SingleAsync();
    }

    public static async Task ChangeAsync(PingtangFactory factory, int campaignId, Func<Campaigns, Campaign, Task> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var campaigns = scope.ServiceProvider.GetRequiredService<Campaigns>();
        await change(campaigns, (await campaigns.FindAsync(campaignId, default))!);
    }

    /// <summary>The minute job as Hangfire runs it, resolved from the host.</summary>
    public static async Task RunMinuteJobAsync(PingtangFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BroadcastJob>().StartDueAsync(default);
    }
}
