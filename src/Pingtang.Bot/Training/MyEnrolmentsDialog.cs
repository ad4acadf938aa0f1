using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>What 我的报名 remembers between messages.</summary>
public sealed class MyEnrolmentsFlow
{
    public List<int> EnrolmentIds { get; set; } = [];

    /// <summary>How each listed enrolment is named in the cancel question: 焊工 12月10日开班.</summary>
    public List<string> Names { get; set; } = [];

    public int EnrolmentId { get; set; }
}

/// <summary>
/// 我的报名: the worker's enrolments and waiting places; picking one cancels it after a yes. A freed seat goes to
/// the first worker waiting, who is told at once on their own channel (or by the notices sweep if that fails).
/// </summary>
public sealed class MyEnrolmentsDialog : WaterfallDialog<MyEnrolmentsFlow>
{
    public const string DialogId = "training.mine";

    public MyEnrolmentsDialog()
        : base(DialogId, ListAsync, ConfirmCancelAsync, CancelAsync)
    {
    }

    private static async Task<DialogTurnResult> ListAsync(WaterfallStepContext<MyEnrolmentsFlow> step, CancellationToken cancellationToken)
    {
        var enrolments = await step.Dialog.Services.GetRequiredService<Enrolments>().ListAsync(step.Dialog.WorkerId, cancellationToken);
        if (enrolments.Count == 0)
        {
            await step.Dialog.SendAsync(TrainingTexts.NoEnrolments, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.EnrolmentIds = enrolments.Select(e => e.EnrolmentId).ToList();
        step.State.Names = enrolments.Select(e => $"{e.Session.Course?.Name} {e.Session.StartsOn:M月d日}开班").ToList();
        var lines = enrolments.Select(TrainingTexts.EnrolmentLine).ToList();
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = TrainingTexts.PickToCancel, Choices = lines }, cancellationToken);
    }

    /// <summary>An enrolment gone meanwhile (staff cancelled the session) is caught by the cancellation itself.</summary>
    private static Task<DialogTurnResult> ConfirmCancelAsync(WaterfallStepContext<MyEnrolmentsFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.State;
        var picked = (int)step.Answer!;
        flow.EnrolmentId = flow.EnrolmentIds[picked];
        return step.PromptAsync(StandardPrompts.Confirm, new() { Text = DialogTexts.Format(TrainingTexts.ConfirmCancel, flow.Names[picked]) }, cancellationToken);
    }

    private static async Task<DialogTurnResult> CancelAsync(WaterfallStepContext<MyEnrolmentsFlow> step, CancellationToken cancellationToken)
    {
        if (step.Answer is not true)
        {
            await step.Dialog.SendAsync(TrainingTexts.KeptEnrolment, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        // The worker who gets the seat is told through the outbox, queued with the cancellation: never from this turn.
        var result = await step.Dialog.Services.GetRequiredService<Enrolments>().CancelAsync(step.Dialog.WorkerId, step.State.EnrolmentId, cancellationToken);
        await step.Dialog.SendAsync(result is null ? TrainingTexts.AlreadyGone : TrainingTexts.Cancelled, cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }
}
