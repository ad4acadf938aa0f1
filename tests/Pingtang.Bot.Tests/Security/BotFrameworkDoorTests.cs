using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Channels.DirectLine;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Hosting.State;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// <c>/api/messages</c> as the service starts, with no app id: the outside test posted activities with any channel,
/// user and serviceUrl, and the bot sent its replies — a worker's profile among them — wherever the caller said.
/// </summary>
public sealed class BotFrameworkDoorTests : IAsyncLifetime
{
    private const string VictimUserId = "dl_victim-of-the-test";
    private const string VictimMobile = "13912345678";

    private FakeConnector _connector = null!;
    private PingtangFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _factory = new PingtangFactory();
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Without_an_app_id_a_request_from_another_machine_is_refused_and_registers_nobody()
    {
        _factory.ClientAddress = IPAddress.Parse("203.0.113.7");

        var response = await _factory.CreateClient().PostAsJsonAsync(BotFrameworkChannel.Path, _connector.Message("o1", "conv-o", "5"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync(workers: 0);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task Without_an_app_id_a_request_a_local_proxy_passes_on_from_outside_is_refused(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotFrameworkChannel.Path) { Content = JsonContent.Create(_connector.Message("p1", "conv-p", "5")) };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync(workers: 0);
    }

    [Theory]
    [InlineData("http://203.0.113.9:8080/")]
    [InlineData("http://evil.example/")]
    [InlineData("http://localhost@evil.example/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("http://0.0.0.0:9/")]
    [InlineData("file:///etc/passwd")]
    public async Task Without_an_app_id_replies_never_go_to_a_service_url_off_this_machine(string serviceUrl)
    {
        var message = new
        {
            type = "message",
            id = "s1",
            text = "5",
            channelId = "emulator",
            serviceUrl,
            from = new { id = "someone" },
            recipient = new { id = "bot" },
            conversation = new { id = "conv-s" },
        };

        var response = await _factory.CreateClient().PostAsJsonAsync(BotFrameworkChannel.Path, message);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync(workers: 0);
    }

    [Fact]
    public async Task Posing_as_a_web_chat_worker_reads_no_profile_and_moves_no_address()
    {
        var (workerId, address) = await SeedWebChatWorkerAsync();
        var posing = new
        {
            type = "message",
            id = "w1",
            text = "5",
            channelId = DirectLineAdapter.ChannelId,
            serviceUrl = _connector.ServiceUrl,
            from = new { id = VictimUserId },
            recipient = new { id = "bot" },
            conversation = new { id = "conv-w" },
        };

        var response = await _factory.CreateClient().PostAsJsonAsync(BotFrameworkChannel.Path, posing);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Bodies);
        var after = await AddressesAsync();
        var kept = Assert.Single(after);
        Assert.Equal(workerId, kept.WorkerId);
        Assert.Equal(address.ConversationReference, kept.ConversationReference);
        Assert.Equal(address.LastSeenAt, kept.LastSeenAt);
    }

    [Fact]
    public async Task The_emulator_on_this_machine_is_still_answered()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync(BotFrameworkChannel.Path, _connector.Message("e1", "conv-e", "帮助"));

        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
        Assert.NotEmpty(_connector.Texts());
    }

    [Fact]
    public void The_start_up_log_says_in_one_line_who_may_use_the_endpoint()
    {
        var log = new LogRecorder();
        using var factory = new PingtangFactory(services: s => s.AddSingleton<ILoggerProvider>(log));

        factory.CreateClient();

        Assert.Single(log.Entries, e => e.Message.Contains("only the Bot Framework Emulator on this machine may use it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_local_emulator_door_can_be_closed_altogether()
    {
        using var closed = new PingtangFactory(new Dictionary<string, string?> { ["BotFramework:AllowLocalEmulator"] = "false" });

        var response = await closed.CreateClient().PostAsJsonAsync(BotFrameworkChannel.Path, _connector.Message("c1", "conv-c", "帮助"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Bodies);
    }

    [Fact]
    public async Task A_connector_that_never_answers_holds_a_turn_only_for_the_connector_timeout()
    {
        // Accepts connections and never says a word: the outside test's serviceUrl held each request for 100 s.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var serviceUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
        using var factory = new PingtangFactory(new Dictionary<string, string?> { [BotFrameworkChannel.ConnectorTimeoutKey] = "1" });
        var client = factory.CreateClient();
        object Message(string id) => new
        {
            type = "message",
            id,
            text = "帮助",
            channelId = "emulator",
            serviceUrl,
            from = new { id = "patient" },
            recipient = new { id = "bot" },
            conversation = new { id = "conv-silent" },
        };

        // Without the timeout these two turns of one conversation would take 100 s each: the safety net is far below.
        var both = Task.WhenAll(client.PostAsJsonAsync(BotFrameworkChannel.Path, Message("t1")), client.PostAsJsonAsync(BotFrameworkChannel.Path, Message("t2")));
        var responses = await both.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(responses, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode));
    }

    [Fact]
    public async Task With_a_channel_token_replies_go_only_to_the_service_url_it_names()
    {
        var vouched = new ClaimsIdentity([new Claim(AuthenticationConstants.ServiceUrlClaim, "https://smba.trafficmanager.net/apac/")], "Bearer");
        var authentication = new ChannelAuthentication(new Vouching(vouched), TimeSpan.FromSeconds(10), TimeProvider.System);
        Activity Activity(string serviceUrl) => new(ActivityTypes.Message) { ServiceUrl = serviceUrl, ChannelId = "msteams" };

        var named = await authentication.AuthenticateRequestAsync(Activity("https://smba.trafficmanager.net/apac/"), "Bearer x", default);

        Assert.NotNull(named.ConnectorFactory);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => authentication.AuthenticateRequestAsync(Activity("https://evil.example/"), "Bearer x", default));
    }

    private async Task AssertNothingHappenedAsync(int workers)
    {
        Assert.Empty(_connector.Bodies);
        Assert.Empty(await AddressesAsync());
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(workers, await scope.ServiceProvider.GetRequiredService<PingtangDb>().Workers.CountAsync());
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        Assert.Empty(db.Set<StoredState>());
    }

    private async Task<List<WorkerAddress>> AddressesAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        return await db.Set<WorkerAddress>().AsNoTracking().ToListAsync();
    }

    /// <summary>A worker who chatted on the web page and filled in 我的信息 with their phone number.</summary>
    private async Task<(int WorkerId, WorkerAddress Address)> SeedWebChatWorkerAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<WorkerRegistry>();
        var worker = await registry.RegisterAsync(default);
        await registry.SaveProfileAsync(worker.Id, WorkerProfile.Empty with { Name = "小张", Mobile = VictimMobile }, default);
        var reference = new ConversationReference
        {
            ChannelId = DirectLineAdapter.ChannelId,
            ServiceUrl = DirectLineAdapter.ServiceUrl,
            User = new ChannelAccount(VictimUserId),
            Bot = DirectLineAdapter.Bot,
            Conversation = new ConversationAccount(id: "victim-conversation"),
        };
        var address = new WorkerAddress
        {
            ChannelId = DirectLineAdapter.ChannelId,
            UserId = VictimUserId,
            WorkerId = worker.Id,
            ConversationReference = JsonConvert.SerializeObject(reference),
            LastSeenAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
        };
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        db.Add(address);
        await db.SaveChangesAsync();
        return (worker.Id, address);
    }

    /// <summary>What the SDK's validation returns for a valid channel token: its claims, and a connector factory.</summary>
    private sealed class Vouching(ClaimsIdentity identity) : BotFrameworkAuthentication
    {
        public override Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
            Task.FromResult(new AuthenticateRequestResult { ClaimsIdentity = identity, ConnectorFactory = new NoConnectors() });

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => new NoConnectors();

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class NoConnectors : ConnectorFactory
    {
        public override Task<Microsoft.Bot.Connector.IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
