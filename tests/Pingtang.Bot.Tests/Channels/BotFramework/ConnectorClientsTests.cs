using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Rest;
using Newtonsoft.Json;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.BotFramework;

/// <summary>
/// The connector clients a turn or a proactive message gets are kept across them, per bot and endpoint: the
/// adapter's disposal after each turn must not close the kept client, and a kept client is renewed after a while.
/// </summary>
public sealed class ConnectorClientsTests
{
    private const string Teams = "https://smba.trafficmanager.net/apac/";
    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private readonly Counting _inner = new();

    [Fact]
    public async Task Turns_of_one_bot_to_one_endpoint_share_one_client_and_disposing_a_turns_client_does_not_close_it()
    {
        var authentication = new ChannelAuthentication(_inner, TimeSpan.FromSeconds(10), _clock);

        for (var turn = 0; turn < 3; turn++)
        {
            using var client = await authentication.CreateConnectorFactory(Bot("app-1")).CreateAsync(Teams, "aud", default);
            Assert.Equal(new Uri(Teams), client.BaseUri);
        }

        Assert.Equal(1, _inner.Created);
        Assert.Equal(0, _inner.Disposed);
    }

    [Fact]
    public async Task Another_endpoint_another_bot_or_another_audience_gets_its_own_client()
    {
        var authentication = new ChannelAuthentication(_inner, TimeSpan.FromSeconds(10), _clock);

        await authentication.CreateConnectorFactory(Bot("app-1")).CreateAsync(Teams, "aud", default);
        await authentication.CreateConnectorFactory(Bot("app-1")).CreateAsync("https://smba.trafficmanager.net/emea/", "aud", default);
        await authentication.CreateConnectorFactory(Bot("app-2")).CreateAsync(Teams, "aud", default);
        await authentication.CreateConnectorFactory(Bot("app-1")).CreateAsync(Teams, "skill", default);

        Assert.Equal(4, _inner.Created);
    }

    [Fact]
    public async Task A_kept_client_is_renewed_after_five_minutes_and_one_that_could_not_be_built_is_tried_again()
    {
        var authentication = new ChannelAuthentication(_inner, TimeSpan.FromSeconds(10), _clock);
        await authentication.CreateConnectorFactory(Bot("app-1")).CreateAsync(Teams, "aud", default);

        _clock.Advance(TimeSpan.FromMinutes(4));
        await authentication.CreateConnectorFactory(Bot("app-1")).CreateAsync(Teams, "aud", default);
        Assert.Equal(1, _inner.Created);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await authentication.CreateConnectorFactory(Bot("app-1")).CreateAsync(Teams, "aud", default);
        Assert.Equal(2, _inner.Created);

        _inner.Failing = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => authentication.CreateConnectorFactory(Bot("app-3")).CreateAsync(Teams, "aud", default));
        _inner.Failing = false;
        await authentication.CreateConnectorFactory(Bot("app-3")).CreateAsync(Teams, "aud", default);
        Assert.Equal(4, _inner.Created);
    }

    private static ClaimsIdentity Bot(string appId) => new([new Claim(AuthenticationConstants.AudienceClaim, appId)], "Bearer");

    private sealed class Counting : BotFrameworkAuthentication
    {
        private int _created;
        private int _disposed;

        public int Created => _created;

        public int Disposed => _disposed;

        public bool Failing { get; set; }

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => new Factory(this);

        public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        private sealed class Factory(Counting counts) : ConnectorFactory
        {
            public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counts._created);
                return counts.Failing
                    ? Task.FromException<IConnectorClient>(new InvalidOperationException("No credentials for this app id."))
                    : Task.FromResult<IConnectorClient>(new Client(new Uri(serviceUrl), () => Interlocked.Increment(ref counts._disposed)));
            }
        }
    }

    private sealed class Client(Uri baseUri, Action disposed) : IConnectorClient
    {
        public Uri BaseUri { get; set; } = baseUri;

        public JsonSerializerSettings SerializationSettings { get; } = new();

        public JsonSerializerSettings DeserializationSettings { get; } = new();

        public ServiceClientCredentials Credentials => throw new NotSupportedException();

        public IAttachments Attachments => throw new NotSupportedException();

        public IConversations Conversations => throw new NotSupportedException();

        public void Dispose() => disposed();
    }
}
