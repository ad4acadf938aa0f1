using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Complaints;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// The work a complaint is about: the employer (and its 统一社会信用代码, if the worker has it), where the work is —
/// the city or district routes the case — the site or project, and when they worked there.
/// </summary>
public sealed class ComplaintWorkDialog : WaterfallDialog<ComplaintAnswers>
{
    public const string DialogId = "complaints.work";

    public ComplaintWorkDialog()
        : base(DialogId, EmployerAsync, CreditCodeAsync, PlaceAsync, SiteAsync, PeriodAsync, DoneAsync)
    {
    }

    private static Task<DialogTurnResult> EmployerAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken) =>
        step.PromptAsync(ComplaintPrompts.Employer, new() { Text = ComplaintTexts.AskEmployer }, cancellationToken);

    private static Task<DialogTurnResult> CreditCodeAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        step.State.EmployerName = (string)step.Answer!;
        return step.PromptAsync(ComplaintPrompts.CreditCode, new() { Text = ComplaintTexts.AskCreditCode, Buttons = [ComplaintTexts.SkipWords[0]] }, cancellationToken);
    }

    private static Task<DialogTurnResult> PlaceAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        step.State.EmployerCreditCode = Employer.CreditCode((string)step.Answer!);
        return step.PromptAsync(ComplaintPrompts.Place, new() { Text = ComplaintTexts.AskPlace }, cancellationToken);
    }

    private static Task<DialogTurnResult> SiteAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        step.State.WorkPlace = (string)step.Answer!;
        return step.PromptAsync(ComplaintPrompts.Site, new() { Text = ComplaintTexts.AskSite, Buttons = [ComplaintTexts.SkipWords[0]] }, cancellationToken);
    }

    private static Task<DialogTurnResult> PeriodAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        var site = (string)step.Answer!;
        step.State.Site = ComplaintPrompts.Skips(site) ? null : site;
        return step.PromptAsync(ComplaintPrompts.Period, new() { Text = ComplaintTexts.AskPeriod }, cancellationToken);
    }

    private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        step.State.PeriodWorked = (string)step.Answer!;
        return step.EndAsync(step.State, cancellationToken);
    }
}
