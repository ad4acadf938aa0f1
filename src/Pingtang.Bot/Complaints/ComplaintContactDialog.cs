using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Workers;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// The phone staff will call about the case: the profile's, confirmed (是) or replaced for this case (换一个), or,
/// when the profile has none, asked and saved to the profile like any feature does.
/// </summary>
public sealed class ComplaintContactDialog : WaterfallDialog<ComplaintAnswers>
{
    public const string DialogId = "complaints.contact";

    public ComplaintContactDialog()
        : base(DialogId, AskAsync, OtherAsync, DoneAsync)
    {
    }

    private static async Task<DialogTurnResult> AskAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        var worker = await step.Dialog.Services.GetRequiredService<WorkerRegistry>().FindAsync(step.Dialog.WorkerId, cancellationToken);
        if (worker?.Mobile is not { } mobile)
        {
            return await step.PromptAsync(MobileDialog.DialogId, new() { Text = ComplaintTexts.AskPhone }, cancellationToken);
        }

        step.State.ContactPhone = mobile;
        var question = DialogTexts.Format(ComplaintTexts.ConfirmPhone, mobile);
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = question, Choices = ComplaintTexts.PhoneChoices }, cancellationToken);
    }

    /// <summary>
    /// A number someone gives for one case (a relative's phone, a site office's) is not theirs for every feature,
    /// so 换一个 does not change the profile.
    /// </summary>
    private static Task<DialogTurnResult> OtherAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken) => step.Answer switch
    {
        string asked => step.NextAsync(asked, cancellationToken),
        0 => step.NextAsync(step.State.ContactPhone, cancellationToken),
        _ => step.PromptAsync(StandardPrompts.Mobile, new() { Text = ComplaintTexts.AskOtherPhone }, cancellationToken),
    };

    private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        step.State.ContactPhone = (string)step.Answer!;
        return step.EndAsync(step.State, cancellationToken);
    }
}
