using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Domain;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Handoffs;

namespace Pingtang.Bot.Handoffs;

/// <summary>
/// A worker's turn asking for a person — 「人工」, or a case just filed — puts them in the station's queue, alerts the
/// station's console at once, and, on a conversation that came through the Bot Framework, offers it to the host's own
/// agent hub with a <c>handoff.initiate</c> event and the transcript so far.
/// </summary>
public sealed class HandoffRequests(HandoffDesk desk, PingtangDb db, LiveConsole live)
{
    public async Task<(Handoff Handoff, bool IsNew)> EscalateAsync(ITurnContext turnContext, int workerId, int? complaintId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var (handoff, isNew) = await desk.RequestAsync(workerId, complaintId, cancellationToken);
        if (turnContext.Adapter is PingtangCloudAdapter && handoff.ExternalConversationId is null && turnContext.Activity.Conversation?.Id is { } conversationId)
        {
            await turnContext.SendActivityAsync(await InitiationAsync(turnContext, handoff, cancellationToken), cancellationToken);
            handoff.OfferedTo(conversationId);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (isNew || complaintId is not null)
        {
            await live.QueueChangedAsync(handoff, cancellationToken);
        }

        return (handoff, isNew);
    }

    /// <summary>The event Bot Framework's handoff protocol defines: who should take it, why, and what was said.</summary>
    private async Task<IEventActivity> InitiationAsync(ITurnContext turnContext, Handoff handoff, CancellationToken cancellationToken)
    {
        var complaint = handoff.ComplaintId is { } id ? await db.Complaints.FindAsync([id], cancellationToken) : null;
        // A rejoined conversation has lines from before this turn.
        await db.Entry(handoff).Collection(h => h.Messages).LoadAsync(cancellationToken);
        var context = new
        {
            station = handoff.Station?.Name,
            urgent = handoff.Urgent,
            caseNumber = complaint?.Number,
            category = complaint?.Category.Name(),
        };
        var lines = handoff.Messages.Select(m => new Activity
        {
            Type = ActivityTypes.Message,
            Text = m.Text,
            Timestamp = m.At,
            From = m.Author == ChatAuthor.Worker ? turnContext.Activity.From : turnContext.Activity.Recipient,
        });
        var opening = complaint is null
            ? []
            : new[] { new Activity { Type = ActivityTypes.Message, Text = $"{complaint.Number} {complaint.Category.Name()}：{complaint.EmployerName}，{complaint.WorkPlace}。{complaint.Narrative}", From = turnContext.Activity.From, Timestamp = complaint.FiledAt } };
        return EventFactory.CreateHandoffInitiation(turnContext, context, new Transcript([.. opening, .. lines]));
    }
}
