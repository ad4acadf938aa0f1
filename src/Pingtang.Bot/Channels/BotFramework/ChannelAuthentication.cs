using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Rest.Serialization;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.BotFramework;

/// <summary>
/// The Bot Framework's own authentication with these corrections:
/// <list type="bullet">
/// <item>replies go only to a service URL the request's authentication vouched for — the <c>serviceurl</c> claim of
/// a channel's token — or to one on this machine (the Emulator). Stock, a caller without an app id names any URL and
/// the bot POSTs its replies, with what they hold, there;</item>
/// <item>a caller that proved nothing (no app id is set) may speak only as the Emulator's channel, never as a worker
/// of another channel;</item>
/// <item>every connector call gives up after <c>connectorTimeout</c>, not HttpClient's 100 s, so a channel that never
/// answers cannot hold a conversation's turns;</item>
/// <item>connector and user-token clients are kept and shared (<see cref="ConnectorClients"/>), not built for every
/// turn and every proactive message, and share one JSON contract resolver: stock, Newtonsoft rebuilt its contracts
/// for every reply, measured here at over half of a turn's CPU;</item>
/// <item>a malformed channel token gets the 401 any other invalid token gets, not a 500.</item>
/// </list>
/// </summary>
internal sealed class ChannelAuthentication(BotFrameworkAuthentication inner, TimeSpan connectorTimeout, TimeProvider time) : BotFrameworkAuthentication
{
    private readonly ConnectorClients _clients = new(connectorTimeout, time);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        AuthenticateRequestResult result;
        try
        {
            result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        }
        catch (Exception e) when (e is SecurityTokenException or ArgumentException)
        {
            // The SDK lets a malformed token escape as a parsing error (a 500); it is simply not a valid token.
            throw new UnauthorizedAccessException("The channel token is malformed.", e);
        }

        ArgumentNullException.ThrowIfNull(activity);
        if (!Vouches(result.ClaimsIdentity, activity.ServiceUrl) && !ThisMachine.IsLoopbackUrl(activity.ServiceUrl))
        {
            throw new UnauthorizedAccessException("The serviceUrl is neither the one the channel token names nor on this machine.");
        }

        if (result.ClaimsIdentity.AuthenticationType == AuthenticationConstants.AnonymousAuthType && activity.ChannelId != Microsoft.Bot.Connector.Channels.Emulator)
        {
            throw new UnauthorizedAccessException("Without an app id, only the Bot Framework Emulator's channel is served.");
        }

        result.ConnectorFactory = _clients.Factory(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = _clients.Factory(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        _clients.Factory(inner.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        _clients.UserTokenClientAsync(claimsIdentity, () => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private static bool Vouches(ClaimsIdentity identity, string? serviceUrl) =>
        identity.FindFirst(AuthenticationConstants.ServiceUrlClaim)?.Value is { } vouched
        && string.Equals(vouched, serviceUrl, StringComparison.OrdinalIgnoreCase);
}
