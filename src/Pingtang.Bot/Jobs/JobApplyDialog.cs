using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Bot.Workers;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>What 我要报名 remembers between messages.</summary>
public sealed class JobApplyFlow
{
    public int PostingId { get; set; }
}

/// <summary>
/// 我要报名, from a posting's detail: asks for the phone when the profile has none (the station calls), records the
/// application and says which station will call. Returns to the results.
/// </summary>
public sealed class JobApplyDialog : WaterfallDialog<JobApplyFlow>
{
    public const string DialogId = "jobs.apply";

    public JobApplyDialog()
        : base(DialogId, AskMobileAsync, ApplyAsync)
    {
    }

    private static Task<DialogTurnResult> AskMobileAsync(WaterfallStepContext<JobApplyFlow> step, CancellationToken cancellationToken) =>
        step.PromptAsync(MobileDialog.DialogId, new() { Text = JobTexts.AskMobile }, cancellationToken);

    private static async Task<DialogTurnResult> ApplyAsync(WaterfallStepContext<JobApplyFlow> step, CancellationToken cancellationToken)
    {
        var services = step.Dialog.Services;
        var workerId = step.Dialog.WorkerId;
        var mobile = (string)step.Answer!;
        var postingId = step.State.PostingId;
        var outcome = await services.GetRequiredService<JobApplications>().ApplyAsync(workerId, postingId, cancellationToken);
        var posting = await services.GetRequiredService<JobSearch>().FindOpenAsync(postingId, cancellationToken);
        var reply = (outcome, posting) switch
        {
            (ApplyOutcome.Applied, { Station: { } station }) => DialogTexts.Format(
                JobTexts.Applied,
                station.Name,
                MobileNumber.Mask(mobile),
                station.Location),
            (ApplyOutcome.AlreadyApplied, _) => JobTexts.AlreadyApplied,
            _ => JobTexts.PostingGone,
        };
        await step.Dialog.SendAsync(reply, cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }
}
