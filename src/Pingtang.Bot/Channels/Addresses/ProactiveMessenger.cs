using System.Runtime.ExceptionServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Outbox;

namespace Pingtang.Bot.Channels.Addresses;

/// <summary>A channel that can continue a conversation it owns outside of a turn, to send a proactive message.</summary>
public interface IProactiveChannel
{
    /// <summary>Whether the conversation behind <paramref name="reference"/> lives on this channel.</summary>
    bool Owns(ConversationReference reference);

    Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);
}

/// <summary>A proactive message that went out, the channel it went out on, and how, where the channel has more than one way.</summary>
public sealed record ProactiveDelivery(string ChannelId, string? Via = null);

/// <summary>Put in the turn state by a channel that has more than one way to send (WeChat: 客服消息, 模板消息).</summary>
public sealed record SentVia(string Name);

/// <summary>
/// The channel cannot reach this worker at all now (they unfollowed the WeChat account): the message tries their
/// next address.
/// </summary>
public sealed class ChannelUnreachableException(string channelId)
    : Exception($"Channel {channelId} cannot reach this worker now.");

/// <summary>
/// The channel may write to this worker only after they write (WeChat outside its 48 hours, with no template for the
/// message): the message waits for them.
/// </summary>
public sealed class AwaitingWorkerException(string channelId)
    : Exception($"Channel {channelId} may write to this worker only after they write.");

/// <summary>
/// Sends a message to a worker, by worker id, on the channel they used last, at that channel's pace
/// (<see cref="ChannelPacing"/>: only here is the channel known). Only the outbox's sender calls it: a send from inside
/// a turn would run the turn pipeline again and wait on the conversation lock. A conversation no channel with its own
/// transport claims came through the Bot Framework.
/// </summary>
public sealed class ProactiveMessenger(IDbContextFactory<BotDb> dbFactory, IEnumerable<IProactiveChannel> channels, PingtangCloudAdapter botFramework, ChannelPacing pacing)
{
    /// <summary>The addresses of <paramref name="workerIds"/>, each worker's last used first: one query for a batch of sends.</summary>
    public async Task<ILookup<int, ConversationReference>> AddressesAsync(IReadOnlyCollection<int> workerIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var addresses = await db.Set<WorkerAddress>().AsNoTracking()
            .Where(a => workerIds.Contains(a.WorkerId))
            .ToListAsync(cancellationToken);
        return addresses
            .OrderByDescending(a => a.LastSeenAt)
            .Select(a => (a.WorkerId, Reference: JsonConvert.DeserializeObject<ConversationReference>(a.ConversationReference)))
            .Where(a => a.Reference is not null)
            .ToLookup(a => a.WorkerId, a => a.Reference!);
    }

    /// <summary>
    /// Sends <paramref name="message"/>; null when the worker never reached us on a channel we can write to. Throws
    /// <see cref="ChannelBusyException"/> when the channel's pace, or the channel itself, says not now, and
    /// <see cref="AwaitingWorkerException"/> when the channel waits for the worker to write first.
    /// </summary>
    public async Task<ProactiveDelivery?> SendAsync(int workerId, IActivity message, CancellationToken cancellationToken) =>
        await SendAsync(workerId, (await AddressesAsync([workerId], cancellationToken))[workerId], message, cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> to the first of <paramref name="addresses"/> (from <see cref="AddressesAsync"/>),
    /// or to the first on <paramref name="onChannel"/> when it is set.
    /// </summary>
    public async Task<ProactiveDelivery?> SendAsync(int workerId, IEnumerable<ConversationReference> addresses, IActivity message, CancellationToken cancellationToken, string? onChannel = null)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(message);
        foreach (var reference in addresses.Where(a => onChannel is null || a.ChannelId == onChannel))
        {
            // A failed send is the caller's to record and retry. Left in the turn, the turn-error handler would
            // swallow it, apologise into the same broken channel and reset the worker's conversation.
            Exception? failure = null;
            var sent = false;
            string? via = null;
            BotCallbackHandler send = async (turnContext, ct) =>
            {
                try
                {
                    await turnContext.SendActivityAsync(message, ct);
                    sent = true;
                    via = turnContext.TurnState.Get<SentVia>()?.Name;
                }
                catch (Exception e)
                {
                    failure = e;
                }
            };
            await pacing.WaitTurnAsync(reference.ChannelId, cancellationToken);
            var channel = channels.FirstOrDefault(c => c.Owns(reference));
            await (channel is null
                ? botFramework.ContinueConversationAsync(reference, send, cancellationToken)
                : channel.ContinueConversationAsync(reference, send, cancellationToken));
            if (failure is ChannelUnreachableException)
            {
                continue;
            }

            if (failure is not null)
            {
                if (pacing.TooFast(reference.ChannelId, failure) is { } busy)
                {
                    throw busy;
                }

                ExceptionDispatchInfo.Throw(failure);
            }

            if (sent)
            {
                pacing.Sent(reference.ChannelId);
            }

            // A turn that never called back waited too long for the conversation's turn before it.
            return sent ? new ProactiveDelivery(reference.ChannelId, via) : throw new ProactiveSendException(workerId);
        }

        return null;
    }
}

/// <summary>
/// A proactive message that did not go out because its turn did not run: it waited too long for the conversation's
/// turn before it.
/// </summary>
public sealed class ProactiveSendException(int workerId)
    : Exception($"The message for worker {workerId} was not sent: its turn did not run to the end.");
