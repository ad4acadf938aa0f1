using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Jobs;

/// <summary>What 有新岗位通知我 remembers between messages: the search to save.</summary>
public sealed class JobSubscribeFlow
{
    public JobQuery? Query { get; set; }
}

/// <summary>
/// 有新岗位通知我: saves the search for alerts. Alerts go only to workers who agreed to reminders, so a worker who has
/// not is asked first; saying yes turns reminders on, saying no saves nothing.
/// </summary>
public sealed class JobSubscribeDialog : WaterfallDialog<JobSubscribeFlow>
{
    public const string DialogId = "jobs.subscribe";

    public JobSubscribeDialog()
        : base(DialogId, AskConsentAsync, SaveAsync)
    {
    }

    private static async Task<DialogTurnResult> AskConsentAsync(WaterfallStepContext<JobSubscribeFlow> step, CancellationToken cancellationToken)
    {
        var worker = await step.Dialog.Services.GetRequiredService<WorkerRegistry>().FindAsync(step.Dialog.WorkerId, cancellationToken);
        return worker?.AcceptsReminders == true
            ? await step.NextAsync(true, cancellationToken)
            : await step.PromptAsync(StandardPrompts.Confirm, new() { Text = JobTexts.AskConsent }, cancellationToken);
    }

    private static async Task<DialogTurnResult> SaveAsync(WaterfallStepContext<JobSubscribeFlow> step, CancellationToken cancellationToken)
    {
        if (step.Answer is not true)
        {
            await step.Dialog.SendAsync(JobTexts.NotSubscribed, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        var services = step.Dialog.Services;
        var workerId = step.Dialog.WorkerId;
        await services.GetRequiredService<WorkerRegistry>().SetRemindersAsync(workerId, accepts: true, cancellationToken);
        var query = step.State.Query ?? JobQuery.Anything;
        var reply = await services.GetRequiredService<SavedSearches>().SaveAsync(workerId, query, cancellationToken) switch
        {
            SaveSearchOutcome.Saved => DialogTexts.Format(JobTexts.Subscribed, JobTexts.Describe(query)),
            SaveSearchOutcome.AlreadySaved => JobTexts.AlreadySubscribed,
            _ => DialogTexts.Format(JobTexts.SubscriptionLimit, SavedSearch.MaxPerWorker),
        };
        await step.Dialog.SendAsync(reply, cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }
}
