using Pingtang.Bot.Dialogs;
using Pingtang.Domain;
using Pingtang.Domain.Complaints;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// The facts of the category: for 欠薪 how much and how many workers are owed (集体欠薪); for 工伤 the day of the
/// injury, and at once what 《工伤保险条例》第十七条 means for it; then, for every complaint, the worker's own account.
/// </summary>
public sealed class ComplaintFactsDialog : WaterfallDialog<ComplaintAnswers>
{
    public const string DialogId = "complaints.facts";

    public ComplaintFactsDialog()
        : base(DialogId, AmountAsync, WorkersOwedAsync, InjuryAsync, NarrativeAsync, DoneAsync)
    {
    }

    private static Task<DialogTurnResult> AmountAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken) =>
        step.State.Category == ComplaintCategory.WageArrears
            ? step.PromptAsync(ComplaintPrompts.Amount, new() { Text = ComplaintTexts.AskAmount }, cancellationToken)
            : step.GoToAsync(InjuryAsync, null, cancellationToken);

    private static Task<DialogTurnResult> WorkersOwedAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        step.State.AmountOwed = (decimal)step.Answer!;
        return step.PromptAsync(ComplaintPrompts.WorkersOwed, new() { Text = ComplaintTexts.AskWorkersOwed }, cancellationToken);
    }

    /// <summary>Reached from the count of workers owed (欠薪) or straight from the start (any other category).</summary>
    private static Task<DialogTurnResult> InjuryAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        if (step.Answer is decimal workers)
        {
            step.State.WorkersOwed = (int)workers;
        }

        return step.State.Category == ComplaintCategory.WorkInjury
            ? step.PromptAsync(ComplaintPrompts.InjuryDate, new() { Text = ComplaintTexts.AskInjuryDate }, cancellationToken)
            : step.GoToAsync(NarrativeAsync, null, cancellationToken);
    }

    private static async Task<DialogTurnResult> NarrativeAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        if (step.Answer is DateOnly injuredOn)
        {
            step.State.InjuredOn = injuredOn;
            var today = ChinaTime.Today(step.Dialog.Services.GetRequiredService<TimeProvider>());
            await step.Dialog.SendAsync(ComplaintTexts.Deadlines(WorkInjuryDeadlines.For(injuredOn), today), cancellationToken);
        }

        return await step.PromptAsync(ComplaintPrompts.Narrative, new() { Text = ComplaintTexts.AskNarrative }, cancellationToken);
    }

    private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        step.State.Narrative = (string)step.Answer!;
        return step.EndAsync(step.State, cancellationToken);
    }
}
