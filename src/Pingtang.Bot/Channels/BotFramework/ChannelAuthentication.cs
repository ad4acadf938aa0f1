using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Rest.Serialization;

namespace Pingtang.Bot.Channels.BotFramework;

/// <summary>
/// The Bot Framework's own authentication with two corrections:
/// <list type="bullet">
/// <item>every <see cref="ConnectorClient"/> shares one JSON contract resolver. Stock, each turn's client gets a fresh
/// resolver, so Newtonsoft rebuilds its serialization contracts on every reply: measured here, over half of a turn's
/// CPU. The resolver is the same type the client uses by default, so replies are serialised exactly as before;</item>
/// <item>a malformed channel token gets the 401 any other invalid token gets, not a 500.</item>
/// </list>
/// </summary>
internal sealed class ChannelAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    private static readonly ReadOnlyJsonContractResolver Shared = new();

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

        result.ConnectorFactory = new Factory(result.ConnectorFactory);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = new Factory(result.ConnectorFactory);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new Factory(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private sealed class Factory(ConnectorFactory inner) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
            if (client is ConnectorClient connector)
            {
                connector.SerializationSettings.ContractResolver = Shared;
                connector.DeserializationSettings.ContractResolver = Shared;
            }

            return client;
        }
    }
}
