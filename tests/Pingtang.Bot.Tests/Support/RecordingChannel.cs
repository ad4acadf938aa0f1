using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Channels.Addresses;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// The proactive side of the <see cref="Conversation"/> tests' channel: records each message the bot sends to a
/// worker who talked through <see cref="TestAdapter"/>, or fails while <see cref="Broken"/> is set.
/// </summary>
public sealed class RecordingChannel : IProactiveChannel
{
    public ConcurrentQueue<string> Texts { get; } = new();

    public bool Broken { get; set; }

    public bool Owns(ConversationReference reference) => reference?.ChannelId == Microsoft.Bot.Connector.Channels.Test;

    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        if (Broken)
        {
            throw new HttpRequestException("The channel is down.");
        }

        var adapter = new TestAdapter(reference);
        await adapter.ContinueConversationAsync("bot", reference, callback, cancellationToken);
        while (adapter.GetNextReply() is IMessageActivity reply)
        {
            Texts.Enqueue(reply.Text);
        }
    }
}
