using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Domain;

namespace Pingtang.Bot.Handoffs;

/// <summary>
/// 「人工」 anywhere: puts the worker in their station's queue — or tells them they are in it already — and leaves
/// them at the menu, where the bot goes on answering until a person takes the conversation over.
/// </summary>
public sealed class HumanDialog() : Dialog(MainMenu.HumanDialogId)
{
    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var requests = dc.Services.GetRequiredService<HandoffRequests>();
        var (handoff, isNew) = await requests.EscalateAsync(dc.Context, dc.WorkerId, complaintId: null, cancellationToken);
        var station = handoff.Station?.Name ?? "";
        await dc.SendAsync(DialogTexts.Format(isNew ? HandoffTexts.Requested : HandoffTexts.StillWaiting, station), cancellationToken);
        return await dc.EndAsync(null, cancellationToken);
    }
}
