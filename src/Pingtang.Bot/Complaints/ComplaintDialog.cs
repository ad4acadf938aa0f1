using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Handoffs;
using Pingtang.Domain;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// What 劳动维权 has gathered so far. Each part of the dialog (who files, the work, the facts, the evidence, the
/// phone) is begun with it and ends with it filled in.
/// </summary>
public sealed class ComplaintAnswers
{
    public ComplaintCategory? Category { get; set; }

    public ComplaintFiler FiledBy { get; set; } = ComplaintFiler.Worker;

    /// <summary>Whether who files is settled: a worker who starts over is not asked again.</summary>
    public bool FilerKnown { get; set; }

    public string? FilerName { get; set; }

    public bool WorkerAgreed { get; set; }

    /// <summary>Asked inline when the profile has none; saved to the profile when the case is filed.</summary>
    public string? Name { get; set; }

    public string EmployerName { get; set; } = "";

    public string? EmployerCreditCode { get; set; }

    public string WorkPlace { get; set; } = "";

    public string? Site { get; set; }

    public string? PeriodWorked { get; set; }

    public decimal? AmountOwed { get; set; }

    public int? WorkersOwed { get; set; }

    public DateOnly? InjuredOn { get; set; }

    public string Narrative { get; set; } = "";

    public List<EvidenceDraft> Evidence { get; set; } = [];

    public string ContactPhone { get; set; } = "";

    public ComplaintDraft ToDraft() => new()
    {
        Category = Category ?? ComplaintCategory.Other,
        EmployerName = EmployerName,
        EmployerCreditCode = EmployerCreditCode,
        WorkPlace = WorkPlace,
        Site = Site,
        PeriodWorked = PeriodWorked,
        AmountOwed = AmountOwed,
        WorkersOwed = WorkersOwed,
        InjuredOn = InjuredOn,
        Narrative = Narrative,
        ContactPhone = ContactPhone,
        FiledBy = FiledBy,
        FilerName = FilerName,
        WorkerAgreed = WorkerAgreed,
        Evidence = [.. Evidence],
    };

    /// <summary>What a new round of the same complaint keeps: who files it.</summary>
    public ComplaintAnswers Filer() => new() { FiledBy = FiledBy, FilerKnown = FilerKnown, FilerName = FilerName, WorkerAgreed = WorkerAgreed, Name = Name };
}

/// <summary>The dialog's own state: the answers, replaced by each part's as it ends.</summary>
public sealed class ComplaintFlow
{
    public ComplaintAnswers Answers { get; set; } = new();
}

/// <summary>
/// 劳动维权: privacy and who files → what about (skipped when the message that started it said) → the work → the
/// facts → evidence → phone → read-back → filed with a case number at the station of the place, queued there for a
/// person, and told honestly when to expect an answer. 改 at the read-back starts again, keeping who files.
/// </summary>
public sealed class ComplaintDialog : WaterfallDialog<ComplaintFlow>
{
    public const string DialogId = "complaints";

    public ComplaintDialog()
        : base(DialogId, FilerAsync, CategoryAsync, WorkAsync, FactsAsync, EvidenceAsync, ContactAsync, ReviewAsync, FileAsync)
    {
    }

    private static Task<DialogTurnResult> FilerAsync(WaterfallStepContext<ComplaintFlow> step, CancellationToken cancellationToken) =>
        step.State.Answers.FilerKnown
            ? step.NextAsync(step.State.Answers, cancellationToken)
            : step.Dialog.BeginAsync(ComplaintFilerDialog.DialogId, step.State.Answers, cancellationToken);

    private static async Task<DialogTurnResult> CategoryAsync(WaterfallStepContext<ComplaintFlow> step, CancellationToken cancellationToken)
    {
        // No answers back: someone filing for a worker without their agreement, already told why.
        if (step.Answer is not ComplaintAnswers answers)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.Answers = answers;
        return answers.Category is null
            ? await step.PromptAsync(StandardPrompts.Choice, new() { Text = ComplaintTexts.AskCategory, Choices = ComplaintTexts.CategoryChoices }, cancellationToken)
            : await step.NextAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> WorkAsync(WaterfallStepContext<ComplaintFlow> step, CancellationToken cancellationToken)
    {
        if (step.Answer is int picked)
        {
            step.State.Answers.Category = ComplaintTexts.Categories[picked];
        }

        return step.Dialog.BeginAsync(ComplaintWorkDialog.DialogId, step.State.Answers, cancellationToken);
    }

    private static Task<DialogTurnResult> FactsAsync(WaterfallStepContext<ComplaintFlow> step, CancellationToken cancellationToken) =>
        Continue(step, ComplaintFactsDialog.DialogId, cancellationToken);

    private static Task<DialogTurnResult> EvidenceAsync(WaterfallStepContext<ComplaintFlow> step, CancellationToken cancellationToken) =>
        Continue(step, ComplaintEvidenceDialog.DialogId, cancellationToken);

    private static Task<DialogTurnResult> ContactAsync(WaterfallStepContext<ComplaintFlow> step, CancellationToken cancellationToken) =>
        Continue(step, ComplaintContactDialog.DialogId, cancellationToken);

    private static async Task<DialogTurnResult> ReviewAsync(WaterfallStepContext<ComplaintFlow> step, CancellationToken cancellationToken)
    {
        step.State.Answers = (ComplaintAnswers)step.Answer!;
        var station = await step.Dialog.Services.GetRequiredService<ComplaintRouting>().StationForAsync(step.State.Answers.WorkPlace, cancellationToken);
        var summary = ComplaintTexts.Summary(step.State.Answers, station.Name);
        return await step.PromptAsync(StandardPrompts.Choice, new() { Text = summary, Choices = ComplaintTexts.ReviewChoices }, cancellationToken);
    }

    private static async Task<DialogTurnResult> FileAsync(WaterfallStepContext<ComplaintFlow> step, CancellationToken cancellationToken)
    {
        var answers = step.State.Answers;
        if (step.Answer is not 0)
        {
            await step.Dialog.SendAsync(ComplaintTexts.StartOver, cancellationToken);
            return await step.Dialog.ReplaceAsync(DialogId, new ComplaintFlow { Answers = answers.Filer() }, cancellationToken);
        }

        var services = step.Dialog.Services;
        var workerId = step.Dialog.WorkerId;
        if (answers.Name is not null)
        {
            var registry = services.GetRequiredService<WorkerRegistry>();
            var profile = (await registry.FindAsync(workerId, cancellationToken))!.Profile;
            await registry.SaveProfileAsync(workerId, profile with { Name = answers.Name }, cancellationToken);
        }

        try
        {
            var complaint = await services.GetRequiredService<ComplaintFiling>().FileAsync(workerId, answers.ToDraft(), cancellationToken);
            await step.Dialog.SendAsync(await EscalateAsync(step.Dialog, complaint, cancellationToken), cancellationToken);
        }
        catch (DomainException broken)
        {
            // Each answer was checked as it came, so this is a rule only the whole draft shows.
            await step.Dialog.SendAsync(DialogTexts.Format(ComplaintTexts.NotFiled, broken.Message), cancellationToken);
        }

        return await step.EndAsync(null, cancellationToken);
    }

    /// <summary>
    /// Puts the filed case in its station's queue — joining the conversation the worker may already be waiting in —
    /// before the worker is told it was passed on, and tells them by when the station's own hours say to expect an answer.
    /// </summary>
    private static async Task<string> EscalateAsync(DialogContext dialog, Complaint complaint, CancellationToken cancellationToken)
    {
        var services = dialog.Services;
        var (handoff, _) = await services.GetRequiredService<HandoffRequests>().EscalateAsync(dialog.Context, dialog.WorkerId, complaint.Id, cancellationToken);
        var clocks = await services.GetRequiredService<ComplaintClockReader>().ForAsync(complaint, cancellationToken);
        var filed = ComplaintTexts.Filed(complaint.Number, handoff.Station!.Name, clocks.Promise);
        return complaint.IsUrgent ? $"{filed}\n{ComplaintTexts.Urgent}" : filed;
    }

    private static Task<DialogTurnResult> Continue(WaterfallStepContext<ComplaintFlow> step, string part, CancellationToken cancellationToken)
    {
        step.State.Answers = (ComplaintAnswers)step.Answer!;
        return step.Dialog.BeginAsync(part, step.State.Answers, cancellationToken);
    }
}
