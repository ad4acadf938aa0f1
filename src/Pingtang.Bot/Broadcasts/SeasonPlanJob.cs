using Pingtang.Domain.Broadcasts;

namespace Pingtang.Bot.Broadcasts;

/// <summary>
/// 返岗季计划, every hour: makes the coming season's campaign drafts whose day has come (<see cref="SeasonPlanner"/>),
/// for an administrator to approve. Hourly rather than daily, so a server that was down at the hour still drafts that
/// day; safe to run twice, or twice at once: a draft's plan key makes it once.
/// </summary>
public sealed class SeasonPlanJob(SeasonPlanner planner, ILogger<SeasonPlanJob> logger)
{
    public const string RecurringJobId = "season-plan";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var drafted = await planner.DraftDueAsync(cancellationToken);
        logger.LogInformation("Season plan: {Drafted} campaign drafts made", drafted);
    }
}
