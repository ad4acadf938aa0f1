using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.Addresses;

/// <summary>A channel that can continue a conversation it owns outside of a turn, to send a proactive message.</summary>
public interface IProactiveChannel
{
    /// <summary>Whether the conversation behind <paramref name="reference"/> lives on this channel.</summary>
    bool Owns(ConversationReference reference);

    Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);
}

/// <summary>What became of a proactive message.</summary>
public enum ProactiveOutcome
{
    Sent,

    /// <summary>The worker never reached us on any channel we can write to.</summary>
    NoAddress,
}

/// <summary>
/// Sends a message to a worker, by worker id, on the channel they used last. Reminders and staff replies go through
/// here. A conversation no channel with its own transport claims came through the Bot Framework.
/// </summary>
public sealed class ProactiveMessenger(IDbContextFactory<BotDb> dbFactory, IEnumerable<IProactiveChannel> channels, PingtangCloudAdapter botFramework)
{
    public async Task<ProactiveOutcome> SendAsync(int workerId, IActivity message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var addresses = await db.Set<WorkerAddress>().AsNoTracking()
            .Where(a => a.WorkerId == workerId)
            .ToListAsync(cancellationToken);

        foreach (var address in addresses.OrderByDescending(a => a.LastSeenAt))
        {
            var reference = JsonConvert.DeserializeObject<ConversationReference>(address.ConversationReference);
            if (reference is null)
            {
                continue;
            }

            var sent = false;
            BotCallbackHandler send = async (turnContext, ct) =>
            {
                await turnContext.SendActivityAsync(message, ct);
                sent = true;
            };
            var channel = channels.FirstOrDefault(c => c.Owns(reference));
            await (channel is null
                ? botFramework.ContinueConversationAsync(reference, send, cancellationToken)
                : channel.ContinueConversationAsync(reference, send, cancellationToken));

            // The adapters hand a failed turn to the turn-error handler instead of throwing; the caller must still
            // learn that nothing went out, to try again later.
            return sent ? ProactiveOutcome.Sent : throw new ProactiveSendException(workerId);

        }

        return ProactiveOutcome.NoAddress;
    }

    public Task<ProactiveOutcome> SendTextAsync(int workerId, string text, CancellationToken cancellationToken) =>
        SendAsync(workerId, MessageFactory.Text(text), cancellationToken);
}

/// <summary>
/// A proactive message that did not go out: its turn failed (the turn-error handler logged why) or waited too long
/// for the conversation's turn before it.
/// </summary>
public sealed class ProactiveSendException(int workerId)
    : Exception($"The message for worker {workerId} was not sent: its turn did not run to the end.");
