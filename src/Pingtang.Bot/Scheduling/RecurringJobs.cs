using Hangfire;
using Pingtang.Bot.Broadcasts;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Training;
using Pingtang.Domain;

namespace Pingtang.Bot.Scheduling;

/// <summary>
/// Every recurring job, in one place, registered at start-up. AddOrUpdate replaces what the storage holds under the
/// same id, so a changed schedule takes effect at the next start. Schedules read in China's time.
/// </summary>
internal static class RecurringJobs
{
    public static void Register(IRecurringJobManager jobs)
    {
        var inChina = new RecurringJobOptions { TimeZone = ChinaTime.Zone };
        jobs.AddOrUpdate<JobAlertJob>(JobAlertJob.RecurringJobId, job => job.RunAsync(0, CancellationToken.None), Cron.Hourly(), inChina);
        jobs.AddOrUpdate<SessionReminderJob>(SessionReminderJob.RecurringJobId, job => job.RunAsync(0, CancellationToken.None), Cron.Hourly(), inChina);
        jobs.AddOrUpdate<TripReminderJob>(TripReminderJob.RecurringJobId, job => job.RunAsync(0, CancellationToken.None), Cron.Hourly(), inChina);
        jobs.AddOrUpdate<BroadcastJob>(BroadcastJob.RecurringJobId, job => job.StartDueAsync(CancellationToken.None), Cron.Minutely(), inChina);
        jobs.AddOrUpdate<SeasonPlanJob>(SeasonPlanJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), inChina);
        jobs.AddOrUpdate<WeChatInbox>(WeChatInbox.RecurringJobId, inbox => inbox.ForgetOldAsync(CancellationToken.None), Cron.Daily(3), inChina);

        // Jobs that no longer exist stay in a storage that had them, and would fail every run.
        foreach (var retired in Retired)
        {
            jobs.RemoveIfExists(retired);
        }
    }

    /// <summary>training-notices: its notices are outbox messages now, which the outbox's sender sends.</summary>
    private static readonly string[] Retired = ["training-notices"];
}
