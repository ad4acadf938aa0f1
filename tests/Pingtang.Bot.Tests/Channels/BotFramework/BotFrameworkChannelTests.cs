using System.Net;
using System.Net.Http.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Hosting.State;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkChannelTests : IAsyncLifetime
{
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
    public async Task Message_posted_to_api_messages_is_answered_through_the_channel_connector()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", Message("m1", "conv-1", "5"));

        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
        Assert.Equal([ProfileTexts.Intro, ProfileTexts.AskName], _connector.Texts());
        var reply = Newtonsoft.Json.Linq.JObject.Parse(_connector.Bodies.First());
        Assert.Equal("m1", reply.Value<string>("replyToId"));
        Assert.Equal("conv-1", reply["conversation"]!.Value<string>("id"));
    }

    [Fact]
    public async Task Same_activity_delivered_many_times_at_once_is_answered_once()
    {
        var client = _factory.CreateClient();
        var sends = Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync("/api/messages", Message("dup-1", "conv-2", "5")));
        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Equal([ProfileTexts.Intro, ProfileTexts.AskName], _connector.Texts());
    }

    [Fact]
    public async Task Two_messages_of_one_conversation_at_once_are_handled_one_after_the_other()
    {
        var client = _factory.CreateClient();
        await client.PostAsJsonAsync("/api/messages", Message("a0", "conv-3", "5"));
        while (_connector.Bodies.TryDequeue(out _))
        {
        }

        var responses = await Task.WhenAll(
            client.PostAsJsonAsync("/api/messages", Message("a1", "conv-3", "帮助")),
            client.PostAsJsonAsync("/api/messages", Message("a2", "conv-3", "帮助")));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        var texts = _connector.Texts();
        Assert.DoesNotContain(TurnErrorHandler.Apology, texts);
        Assert.Equal(2, texts.Count(t => t.Contains("「退订」", StringComparison.Ordinal)));
        Assert.Equal(2, texts.Count(t => t == ProfileTexts.AskName));
    }

    [Fact]
    public async Task Reply_is_serialised_exactly_as_the_stock_connector_client_does()
    {
        var reply = MessageFactory.Text("1. 岗位查询");
        reply.Conversation = new ConversationAccount(id: "conv-4");
        reply.From = new ChannelAccount("bot");
        reply.Recipient = new ChannelAccount("worker");
        reply.ReplyToId = "m9";
        reply.Timestamp = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        reply.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "岗位查询", value: "岗位查询")] };

        using (var stock = new ConnectorClient(new Uri(_connector.ServiceUrl), MicrosoftAppCredentials.Empty))
        {
            await stock.Conversations.ReplyToActivityAsync((Activity)reply);
        }

        var authentication = _factory.Services.GetRequiredService<BotFrameworkAuthentication>();
        var factory = authentication.CreateConnectorFactory(new System.Security.Claims.ClaimsIdentity());
        using (var shared = await factory.CreateAsync(_connector.ServiceUrl, null, default))
        {
            await shared.Conversations.ReplyToActivityAsync((Activity)reply);
        }

        var bodies = _connector.Bodies.ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Equal(bodies[0], bodies[1]);
    }

    [Fact]
    public async Task Proactive_message_reaches_the_worker_on_the_channel_they_last_used()
    {
        await _factory.CreateClient().PostAsJsonAsync("/api/messages", Message("p1", "conv-5", "你好"));
        while (_connector.Bodies.TryDequeue(out _))
        {
        }

        var before = await SingleAddressAsync();

        var outcome = await _factory.Services.GetRequiredService<ProactiveMessenger>().SendAsync(before.WorkerId, MessageFactory.Text("明天上午9点开班，请带身份证。"), default);

        Assert.Equal("emulator", outcome?.ChannelId);
        var body = Newtonsoft.Json.Linq.JObject.Parse(Assert.Single(_connector.Bodies));
        Assert.Equal("明天上午9点开班，请带身份证。", body.Value<string>("text"));
        Assert.Equal("conv-5", body["conversation"]!.Value<string>("id"));

        // Our own message is not the worker showing up: "the channel they used last" must not move.
        Assert.Equal(before.LastSeenAt, (await SingleAddressAsync()).LastSeenAt);
    }

    [Fact]
    public async Task Proactive_message_to_a_worker_never_seen_reports_no_address()
    {
        var outcome = await _factory.Services.GetRequiredService<ProactiveMessenger>().SendAsync(4242, MessageFactory.Text("你好"), default);
        Assert.Null(outcome);
    }

    [Fact]
    public async Task Malformed_json_is_refused_and_changes_nothing()
    {
        using var content = new StringContent("{\"type\": \"message\", \"text\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await _factory.CreateClient().PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Bodies);
    }

    private async Task<WorkerAddress> SingleAddressAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        return await db.Set<WorkerAddress>().AsNoTracking().SingleAsync();
    }

    private object Message(string id, string conversationId, string text) => _connector.Message(id, conversationId, text);
}

public sealed class BotFrameworkAuthenticationTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private PingtangFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _factory = new PingtangFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "6b1f8a9e-5a3c-4a77-9d64-3f0c2d1e8b55",
            ["MicrosoftAppPassword"] = "not-a-real-password",
            ["MicrosoftAppTenantId"] = "0f0e0d0c-0b0a-0908-0706-050403020100",
        });
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic d29ya2VyOjEyMzQ=")]
    public async Task With_an_app_id_a_request_without_a_valid_channel_token_gets_401_and_reaches_no_dialog(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new
            {
                type = "message",
                id = "x1",
                text = "5",
                channelId = "emulator",
                serviceUrl = _connector.ServiceUrl,
                from = new { id = "intruder" },
                recipient = new { id = "bot" },
                conversation = new { id = "conv-x" },
            }),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Bodies);
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        Assert.Empty(db.Set<WorkerAddress>());
        Assert.Empty(db.Set<StoredState>());
    }
}
