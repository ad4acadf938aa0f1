using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.BotFramework;

/// <summary>
/// The Bot Framework channel (Azure Bot Service, the Emulator): <c>POST /api/messages</c>. One constructor, because
/// CloudAdapter's own two are ambiguous to dependency injection.
/// </summary>
public sealed class PingtangCloudAdapter : CloudAdapter
{
    private readonly string? _appId;

    public PingtangCloudAdapter(BotFrameworkAuthentication authentication, IConfiguration configuration, IServiceProvider services, ILogger<PingtangCloudAdapter> logger)
        : base(authentication, logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _appId = configuration["MicrosoftAppId"];
        this.UsePingtangPipeline(services);
    }

    /// <summary>Continues a conversation of a Bot Framework channel, as this bot's app id.</summary>
    public Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueConversationAsync(_appId ?? string.Empty, reference, callback, cancellationToken);
}
