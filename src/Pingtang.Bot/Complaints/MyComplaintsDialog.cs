using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Complaints;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// 查进度: the worker's cases with their number, category, status and day, the latest first; a worker with none is
/// offered 劳动维权 at once.
/// </summary>
public sealed class MyComplaintsDialog : WaterfallDialog<MyComplaintsFlow>
{
    public const string DialogId = "complaints.mine";

    public MyComplaintsDialog()
        : base(DialogId, ListAsync, OfferAsync)
    {
    }

    private static async Task<DialogTurnResult> ListAsync(WaterfallStepContext<MyComplaintsFlow> step, CancellationToken cancellationToken)
    {
        var mine = await step.Dialog.Services.GetRequiredService<ComplaintProgress>().ForWorkerAsync(step.Dialog.WorkerId, cancellationToken);
        if (mine.Count == 0)
        {
            return await step.PromptAsync(StandardPrompts.Confirm, new() { Text = ComplaintTexts.NoComplaints }, cancellationToken);
        }

        var lines = mine.Select(ComplaintTexts.CaseLine).Prepend(ComplaintTexts.MyComplaintsHeading).Append(ComplaintTexts.MyComplaintsFooter);
        await step.Dialog.SendAsync(string.Join('\n', lines), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    private static async Task<DialogTurnResult> OfferAsync(WaterfallStepContext<MyComplaintsFlow> step, CancellationToken cancellationToken) =>
        step.Answer is true
            ? await step.Dialog.ReplaceAsync(ComplaintDialog.DialogId, null, cancellationToken)
            : await step.EndAsync(null, cancellationToken);
}

/// <summary>查进度 keeps nothing between messages but its place.</summary>
public sealed class MyComplaintsFlow;
