using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Workers;

/// <summary>What <see cref="MobileClaimDialog"/> remembers between messages.</summary>
public sealed class MobileClaimFlow
{
    public string Mobile { get; set; } = "";
}

/// <summary>
/// A number the worker gives for their profile: saved when it is nobody else's. When another worker's profile has
/// it, it is saved only with the code sent there (<see cref="WorkerLinks"/>), which makes the two one worker — and
/// from that message on, this conversation is that worker's, so the dialog that asked goes on as them. Begun with
/// the number; ends with it once it is the worker's, or with null when it is not (不是我, no code could be sent);
/// after too many wrong codes the conversation goes back to the menu.
/// </summary>
public sealed class MobileClaimDialog : WaterfallDialog<MobileClaimFlow>
{
    public const string DialogId = "worker.mobile-claim";

    public const string CodePrompt = "worker.link-code";

    public MobileClaimDialog()
        : base(DialogId, ClaimAsync, AskCodeAsync, CheckAsync)
    {
    }

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
        base.BeginAsync(dc, new MobileClaimFlow { Mobile = (string)options! }, cancellationToken);

    private static async Task<DialogTurnResult> ClaimAsync(WaterfallStepContext<MobileClaimFlow> step, CancellationToken cancellationToken)
    {
        var links = step.Dialog.Services.GetRequiredService<WorkerLinks>();
        switch (await links.ClaimMobileAsync(step.Dialog.WorkerId, step.State.Mobile, cancellationToken))
        {
            case MobileClaim.Saved:
                return await step.EndAsync(step.State.Mobile, cancellationToken);
            case MobileClaim.CodeSent:
                return await step.NextAsync(WorkersTexts.CodeSent, cancellationToken);
            case MobileClaim.OwnerUnreachable:
                await step.Dialog.SendAsync(WorkersTexts.OwnerUnreachable, cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            default:
                await step.Dialog.SendAsync(WorkersTexts.TooManyCodes, cancellationToken);
                return await step.EndAsync(null, cancellationToken);
        }
    }

    private static Task<DialogTurnResult> AskCodeAsync(WaterfallStepContext<MobileClaimFlow> step, CancellationToken cancellationToken) =>
        step.PromptAsync(CodePrompt, new() { Text = (string)step.Answer!, Buttons = [WorkersTexts.NotMe] }, cancellationToken);

    private static async Task<DialogTurnResult> CheckAsync(WaterfallStepContext<MobileClaimFlow> step, CancellationToken cancellationToken)
    {
        var dc = step.Dialog;
        var links = dc.Services.GetRequiredService<WorkerLinks>();
        if (((LinkCodeAnswer)step.Answer!).Code is not { } code)
        {
            await links.DeclineAsync(dc.WorkerId, cancellationToken);
            await dc.SendAsync(WorkersTexts.Declined, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        switch (await links.ConfirmAsync(dc.WorkerId, code, cancellationToken))
        {
            case LinkAnswer.Linked linked:
                await dc.Services.GetRequiredService<AddressBook>().MoveAsync(dc.Context, dc.WorkerId, linked.WorkerId, cancellationToken);
                await dc.SendAsync(WorkersTexts.Linked, cancellationToken);
                return await step.EndAsync(step.State.Mobile, cancellationToken);
            case LinkAnswer.WrongCode wrong:
                return await step.GoToAsync(AskCodeAsync, DialogTexts.Format(WorkersTexts.WrongCode, wrong.TriesLeft), cancellationToken);
            case LinkAnswer.TooManyTries:
                await dc.SendAsync(WorkersTexts.TooManyTries, cancellationToken);
                return dc.CancelAll();
            default:
                // Timed out, or decided meanwhile (linked the other way round): claiming again tells which.
                await dc.SendAsync(WorkersTexts.Expired, cancellationToken);
                return await step.GoToAsync(ClaimAsync, null, cancellationToken);
        }
    }
}
