using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Workers;

/// <summary>What <see cref="MobileDialog"/> remembers between messages.</summary>
public sealed class MobileFlow
{
    /// <summary>The feature's question, asked again after a number that could not be the worker's.</summary>
    public string Question { get; set; } = "";

    public string? Mobile { get; set; }

    /// <summary>Numbers found to be someone else's: given again, they are refused at once, and no code goes out.</summary>
    public List<string> Refused { get; set; } = [];
}

/// <summary>
/// The worker's phone number, for a feature whose staff will call (an application, an enrolment): asked only when
/// the profile has none, in the feature's own words of why, and saved to the profile at once, so no other feature
/// asks again — or, when another worker's profile has it, linked with a code (<see cref="MobileClaimDialog"/>).
/// Begun like a prompt, with the question as <see cref="PromptOptions"/>; ends with the number.
/// </summary>
public sealed class MobileDialog : WaterfallDialog<MobileFlow>
{
    public const string DialogId = "worker.mobile";

    public MobileDialog()
        : base(DialogId, AskAsync, ClaimAsync, DoneAsync)
    {
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var worker = await dc.Services.GetRequiredService<WorkerRegistry>().FindAsync(dc.WorkerId, cancellationToken);
        return worker?.Mobile is { } mobile
            ? await dc.EndAsync(mobile, cancellationToken)
            : await base.BeginAsync(dc, new MobileFlow { Question = ((PromptOptions)options!).Text }, cancellationToken);
    }

    /// <summary>The feature's question, after <see cref="WaterfallStepContext{TState}.Answer"/> when it is a notice.</summary>
    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<MobileFlow> step, CancellationToken cancellationToken) =>
        step.PromptAsync(
            StandardPrompts.Mobile,
            new() { Text = step.Answer is string notice ? $"{notice}\n{step.State.Question}" : step.State.Question },
            cancellationToken);

    private static Task<DialogTurnResult> ClaimAsync(WaterfallStepContext<MobileFlow> step, CancellationToken cancellationToken)
    {
        var mobile = (string)step.Answer!;
        if (step.State.Refused.Contains(mobile))
        {
            return step.GoToAsync(AskAsync, WorkersTexts.TakenNotYours, cancellationToken);
        }

        step.State.Mobile = mobile;
        return step.Dialog.BeginAsync(MobileClaimDialog.DialogId, mobile, cancellationToken);
    }

    /// <summary>The number, now the worker's; or null, when it is someone else's and the worker is asked for another.</summary>
    private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext<MobileFlow> step, CancellationToken cancellationToken)
    {
        if (step.Answer is string mobile)
        {
            return step.EndAsync(mobile, cancellationToken);
        }

        step.State.Refused.Add(step.State.Mobile!);
        return step.GoToAsync(AskAsync, null, cancellationToken);
    }
}
