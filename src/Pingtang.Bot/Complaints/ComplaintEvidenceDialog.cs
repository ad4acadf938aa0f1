using Microsoft.Bot.Schema;
using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Complaints;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// Photos or files the complaint rests on, in as many messages as the worker needs, until 完成 (or 没有). Each is
/// kept as the channel delivered it — name, type and address; the file stays where the channel stored it.
/// </summary>
public sealed class ComplaintEvidenceDialog : WaterfallDialog<ComplaintAnswers>
{
    public const string DialogId = "complaints.evidence-files";

    /// <summary>Enough for a contract, badge, slips and statements; more is better handed to staff in person.</summary>
    public const int MaxFiles = 20;

    public ComplaintEvidenceDialog()
        : base(DialogId, AskAsync, ReceivedAsync)
    {
    }

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        var count = step.State.Evidence.Count;
        var question = count == 0
            ? new PromptOptions { Text = ComplaintTexts.AskEvidence, Buttons = [ComplaintTexts.Nothing] }
            : new PromptOptions { Text = DialogTexts.Format(ComplaintTexts.EvidenceReceived, count), Buttons = [ComplaintTexts.Done] };
        return step.PromptAsync(ComplaintPrompts.Evidence, question, cancellationToken);
    }

    private static async Task<DialogTurnResult> ReceivedAsync(WaterfallStepContext<ComplaintAnswers> step, CancellationToken cancellationToken)
    {
        var attachments = (IReadOnlyList<Attachment>)step.Answer!;
        if (attachments.Count == 0)
        {
            return await step.EndAsync(step.State, cancellationToken);
        }

        var evidence = step.State.Evidence;
        var usable = attachments.Select((a, i) => Draft(a, evidence.Count + i + 1)).ToList();
        evidence.AddRange(usable.OfType<EvidenceDraft>().Take(MaxFiles - evidence.Count));
        if (usable.Contains(null))
        {
            await step.Dialog.SendAsync(ComplaintTexts.EvidenceNotReceived, cancellationToken);
        }

        if (evidence.Count >= MaxFiles)
        {
            await step.Dialog.SendAsync(DialogTexts.Format(ComplaintTexts.EvidenceFull, MaxFiles), cancellationToken);
            return await step.EndAsync(step.State, cancellationToken);
        }

        return await step.GoToAsync(AskAsync, null, cancellationToken);
    }

    /// <summary>The attachment as evidence, or null when it has no address staff could open later.</summary>
    private static EvidenceDraft? Draft(Attachment attachment, int number)
    {
        var draft = new EvidenceDraft(
            string.IsNullOrWhiteSpace(attachment.Name) ? $"文件{number}" : attachment.Name,
            attachment.ContentType ?? "application/octet-stream",
            attachment.ContentUrl ?? "");
        return ComplaintEvidence.Validate(draft) is null ? draft : null;
    }
}

/// <summary>Photos or files, or a word that there are (no more): the answer is the attachments, empty for 完成/没有.</summary>
public sealed class EvidencePrompt(string id) : Prompt<IReadOnlyList<Attachment>>(id)
{
    protected override bool TakesFiles => true;

    protected override Recognition<IReadOnlyList<Attachment>> Recognize(DialogContext dc, PromptOptions options)
    {
        if (dc.Context.Activity.Attachments is { Count: > 0 } attachments)
        {
            return Recognition<IReadOnlyList<Attachment>>.Accept([.. attachments]);
        }

        return ComplaintTexts.DoneWords.Contains(dc.Text)
            ? Recognition<IReadOnlyList<Attachment>>.Accept([])
            : Recognition<IReadOnlyList<Attachment>>.Reject(ComplaintTexts.NeedEvidence);
    }
}
