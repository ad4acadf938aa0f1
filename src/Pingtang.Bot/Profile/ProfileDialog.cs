using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Workers;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Profile;

/// <summary>
/// 我的信息: a new worker is asked the seven fields in turn; then, and whenever they come back, they see a summary
/// to confirm, and can change one field at a time before it is saved. A phone number another worker's profile has is
/// saved only with the code sent there (<see cref="MobileClaimDialog"/>), after the rest.
/// </summary>
public sealed class ProfileDialog : WaterfallDialog<ProfileFlow>
{
    public const string DialogId = "profile";

    public ProfileDialog()
        : base(DialogId, StartAsync, AskAsync, ApplyAsync, ConfirmAsync, SaveAsync, PickFieldAsync, ClaimMobileAsync, ClaimedAsync)
    {
    }

    private static async Task<DialogTurnResult> StartAsync(WaterfallStepContext<ProfileFlow> step, CancellationToken cancellationToken)
    {
        var registry = step.Dialog.Services.GetRequiredService<WorkerRegistry>();
        var worker = await registry.FindAsync(step.Dialog.WorkerId, cancellationToken);
        var flow = step.State;
        flow.Load(worker?.Profile ?? WorkerProfile.Empty);
        if (worker?.HasProfile == true)
        {
            return await step.GoToAsync(ConfirmAsync, null, cancellationToken);
        }

        flow.IsNew = true;
        flow.Queue = Enumerable.Range(0, ProfileFields.All.Count).ToList();
        await step.Dialog.SendAsync(ProfileTexts.Intro, cancellationToken);
        return await step.NextAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<ProfileFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        if (step.Answer is int picked)
        {
            flow.Queue = [picked];
        }

        flow.Current = flow.Queue[0];
        flow.Queue.RemoveAt(0);
        var field = ProfileFields.All[flow.Current];
        return step.PromptAsync(field.PromptId, field.Ask, cancellationToken);
    }

    private static Task<DialogTurnResult> ApplyAsync(WaterfallStepContext<ProfileFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        ProfileFields.All[flow.Current].Apply(flow, step.Answer!);
        flow.Changed = true;
        return flow.Queue.Count > 0
            ? step.GoToAsync(AskAsync, null, cancellationToken)
            : step.NextAsync(null, cancellationToken);
    }

    private static async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<ProfileFlow> step, CancellationToken cancellationToken)
    {
        var question = step.State.Changed || step.State.IsNew ? ProfileTexts.Confirm : ProfileTexts.ConfirmExisting;
        await step.Dialog.SendAsync(ProfileFields.Summary(step.State), cancellationToken);
        return await step.PromptAsync(StandardPrompts.Confirm, new() { Text = question }, cancellationToken);
    }

    private static async Task<DialogTurnResult> SaveAsync(WaterfallStepContext<ProfileFlow> step, CancellationToken cancellationToken)
    {
        if (step.Answer is false)
        {
            return await step.PromptAsync(StandardPrompts.Choice, new() { Text = ProfileTexts.PickField, Choices = ProfileFields.Titles }, cancellationToken);
        }

        if (!step.State.Changed && !step.State.IsNew)
        {
            await step.Dialog.SendAsync(ProfileTexts.Unchanged, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        Worker saved;
        try
        {
            var registry = step.Dialog.Services.GetRequiredService<WorkerRegistry>();
            saved = await registry.SaveProfileAsync(step.Dialog.WorkerId, step.State.ToProfile(), cancellationToken);
        }
        catch (DomainException e)
        {
            await step.Dialog.SendAsync(e.Message, cancellationToken);
            return await step.PromptAsync(StandardPrompts.Choice, new() { Text = ProfileTexts.PickField, Choices = ProfileFields.Titles }, cancellationToken);
        }

        if (step.State.Mobile is { } mobile && saved.Mobile != mobile)
        {
            return await step.GoToAsync(ClaimMobileAsync, mobile, cancellationToken);
        }

        await step.Dialog.SendAsync(ProfileTexts.Saved, cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> PickFieldAsync(WaterfallStepContext<ProfileFlow> step, CancellationToken cancellationToken) =>
        step.GoToAsync(AskAsync, step.Answer, cancellationToken);

    /// <summary>The number another worker's profile has, the rest of the profile being saved already.</summary>
    private static Task<DialogTurnResult> ClaimMobileAsync(WaterfallStepContext<ProfileFlow> step, CancellationToken cancellationToken) =>
        step.Dialog.BeginAsync(MobileClaimDialog.DialogId, step.Answer, cancellationToken);

    private static async Task<DialogTurnResult> ClaimedAsync(WaterfallStepContext<ProfileFlow> step, CancellationToken cancellationToken)
    {
        await step.Dialog.SendAsync(step.Answer is null ? ProfileTexts.SavedWithoutMobile : ProfileTexts.Saved, cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }
}
