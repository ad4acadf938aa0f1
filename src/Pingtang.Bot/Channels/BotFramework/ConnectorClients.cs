using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json;

namespace Pingtang.Bot.Channels.BotFramework;

/// <summary>
/// The connector and user-token clients, one per bot identity and channel endpoint, kept for the service's life.
/// Stock, CloudAdapter builds both afresh for every turn and every proactive message and disposes them after it:
/// measured here, a seventh of the CPU of a broadcast's send (each client's constructor parses its user agent with a
/// new Regex, and each gets credentials of its own). Both are safe to share: every call is an HTTP request on an
/// HttpClient, and the credentials refresh their own token. The Bot Framework's older adapter kept them the same way.
/// Each is renewed after <see cref="Renewal"/>, so that its HttpClient takes up the factory's fresh handlers (and DNS).
/// </summary>
internal sealed class ConnectorClients(TimeSpan connectorTimeout, TimeProvider time)
{
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Enough for every channel endpoint a county's bot talks to; a service URL is one a channel's token vouched for,
    /// or the Emulator's on this machine, so past this many something is odd, and clients are built per turn again.
    /// </summary>
    private const int MaxKept = 256;

    private static readonly ReadOnlyJsonContractResolver Shared = new();

    private readonly ConcurrentDictionary<(string AppId, string ServiceUrl, string Audience), Entry<IConnectorClient>> _connectors = new();
    private readonly ConcurrentDictionary<string, Entry<UserTokenClient>> _userTokens = new();

    public ConnectorFactory Factory(ConnectorFactory inner, ClaimsIdentity identity) => new KeptFactory(inner, AppId(identity), this);

    public async Task<UserTokenClient> UserTokenClientAsync(ClaimsIdentity identity, Func<Task<UserTokenClient>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var appId = AppId(identity);
        if (!_userTokens.ContainsKey(appId) && _userTokens.Count >= MaxKept)
        {
            return await create();
        }

        return new KeptUserTokenClient(await Kept(_userTokens, appId, create));
    }

    private async Task<IConnectorClient> ConnectorAsync(ConnectorFactory inner, string appId, string serviceUrl, string? audience, CancellationToken cancellationToken)
    {
        var key = (appId, serviceUrl, audience ?? "");
        if (!_connectors.ContainsKey(key) && _connectors.Count >= MaxKept)
        {
            return Configure(await inner.CreateAsync(serviceUrl, audience, cancellationToken));
        }

        // Not the caller's token: the client is built once for every caller after this one.
        return new KeptConnectorClient(await Kept(_connectors, key, async () =>
            Configure(await inner.CreateAsync(serviceUrl, audience, CancellationToken.None))));
    }

    private async Task<T> Kept<TKey, T>(ConcurrentDictionary<TKey, Entry<T>> kept, TKey key, Func<Task<T>> create)
        where TKey : notnull
    {
        var now = time.GetUtcNow();
        var entry = kept.AddOrUpdate(
            key,
            _ => new Entry<T>(new Lazy<Task<T>>(create), now),
            (_, old) => now - old.Created < Renewal ? old : new Entry<T>(new Lazy<Task<T>>(create), now));
        try
        {
            return await entry.Client.Value;
        }
        catch
        {
            // A client that could not be built (credentials not found, say) is tried afresh next time.
            kept.TryRemove(new KeyValuePair<TKey, Entry<T>>(key, entry));
            throw;
        }
    }

    /// <summary>
    /// Every client shares one JSON contract resolver: stock, each gets a fresh one, and Newtonsoft rebuilds its
    /// contracts for every reply. It is the client's default type, so replies are serialised exactly as before.
    /// </summary>
    private IConnectorClient Configure(IConnectorClient client)
    {
        if (client is ConnectorClient connector)
        {
            connector.SerializationSettings.ContractResolver = Shared;
            connector.DeserializationSettings.ContractResolver = Shared;
            connector.HttpClient.Timeout = connectorTimeout;
        }

        return client;
    }

    /// <summary>The bot's app id in the identity, as the SDK reads it: the token's audience, else its app id claim.</summary>
    private static string AppId(ClaimsIdentity identity) =>
        identity.FindFirst(AuthenticationConstants.AudienceClaim)?.Value ?? identity.FindFirst(AuthenticationConstants.AppIdClaim)?.Value ?? "";

    /// <summary>A renewed client is left to the garbage collector, not disposed: a turn may still be using it.</summary>
    private sealed record Entry<T>(Lazy<Task<T>> Client, DateTimeOffset Created);

    private sealed class KeptFactory(ConnectorFactory inner, string appId, ConnectorClients clients) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            clients.ConnectorAsync(inner, appId, serviceUrl, audience, cancellationToken);
    }

    /// <summary>The kept client as a turn sees it: the turn's <c>using</c> disposes this, not the client.</summary>
    private sealed class KeptConnectorClient(IConnectorClient client) : IConnectorClient
    {
        public Uri BaseUri
        {
            get => client.BaseUri;
            set => throw new NotSupportedException("A kept connector client serves one service URL.");
        }

        public JsonSerializerSettings SerializationSettings => client.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;

        public ServiceClientCredentials Credentials => client.Credentials;

        public IAttachments Attachments => client.Attachments;

        public IConversations Conversations => client.Conversations;

        public void Dispose()
        {
        }
    }

    private sealed class KeptUserTokenClient(UserTokenClient client) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            client.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            client.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            client.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            client.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            client.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            client.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);
    }
}
