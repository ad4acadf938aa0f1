using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Channels.Addresses;

/// <summary>
/// A channel whose transport is this service's own (the built-in Direct Line, WeChat): its conversation references
/// carry a service URL that names it, and a proactive message runs its turn through the channel's own pipeline.
/// </summary>
public abstract class OwnTransportAdapter(string channelId, string serviceUrl) : BotAdapter, IProactiveChannel
{
    public bool Owns(ConversationReference reference) =>
        reference is not null && reference.ChannelId == channelId && reference.ServiceUrl == serviceUrl;

    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        using var turnContext = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(turnContext, callback, cancellationToken);
    }
}
