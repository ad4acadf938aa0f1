using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Workers;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// The start of 劳动维权: who will see what is told, then who is telling it — the worker, or a relative, village
/// official or 劳务带头人 for them, with the worker's agreement (without it nothing goes on). The name is asked only
/// when the profile has none. Ends with the answers, or with nothing when the worker did not agree.
/// </summary>
public sealed class ComplaintFilerDialog : WaterfallDialog<ComplaintAnswers>
{
    public const string DialogId = "complaints.filer";

    public ComplaintFilerDialog()
        : base(DialogId, WhoAsync, NameAsync, KeepNameAsync, AgreedAsync, DoneAsync)
    {
    }

    private static async Task<DialogTurnResult> WhoAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        await step.Dialog.SendAsync(ComplaintTexts.Privacy, cancellationToken);
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = ComplaintTexts.AskFiler, Choices = ComplaintTexts.FilerChoices }, cancellationToken);
    }

    private static async Task<DialogTurnResult> NameAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        var answers = step.State;
        answers.FiledBy = ComplaintTexts.Filers[(int)step.Answer!];
        var worker = await step.Dialog.Services.GetRequiredService<WorkerRegistry>().FindAsync(step.Dialog.WorkerId, cancellationToken);
        if (worker?.Name is { } name)
        {
            return await step.GoToAsync(AgreedAsync, name, cancellationToken);
        }

        // The conversation is the filer's own, so the name asked is theirs and goes into their profile.
        var question = answers.FiledBy == ComplaintFiler.Worker ? ComplaintTexts.AskName : ComplaintTexts.AskFilerName;
        return await step.PromptAsync(WorkerPrompts.Name, new() { Text = question }, cancellationToken);
    }

    private static Task<DialogTurnResult> KeepNameAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        step.State.Name = (string)step.Answer!;
        return step.NextAsync(step.State.Name, cancellationToken);
    }

    private static Task<DialogTurnResult> AgreedAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        var answers = step.State;
        var name = (string)step.Answer!;
        if (answers.FiledBy == ComplaintFiler.Worker)
        {
            return step.NextAsync(true, cancellationToken);
        }

        answers.FilerName = name;
        return step.PromptAsync(StandardPrompts.Confirm, new() { Text = ComplaintTexts.AskAgreed }, cancellationToken);
    }

    private static async Task<DialogTurnResult> DoneAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        if (step.Answer is not true)
        {
            await step.Dialog.SendAsync(ComplaintTexts.NeedAgreement, cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        var answers = step.State;
        answers.WorkerAgreed = answers.FiledBy != ComplaintFiler.Worker;
        answers.FilerKnown = true;
        return await step.EndAsync(answers, cancellationToken);
    }
}
