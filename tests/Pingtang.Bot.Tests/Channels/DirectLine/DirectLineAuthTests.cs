using System.Net;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineAuthTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly PingtangFactory _host;
    private readonly DirectLineKit _dl;

    public DirectLineAuthTests()
    {
        _host = DirectLineKit.Host(_clock);
        _dl = new DirectLineKit(_host.CreateClient());
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Generate_gives_a_token_for_a_new_conversation_and_a_server_chosen_dl_user()
    {
        var (status, json) = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineKit.Secret);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("conversationId").GetString()));
        Assert.StartsWith("dl_", DirectLineKit.UserOf(json.GetProperty("token").GetString()!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_binds_the_user_the_secret_names()
    {
        var generated = await _dl.GenerateAsync("{\"user\":{\"id\":\"dl_worker42\",\"name\":\"王师傅\"}}");

        Assert.Equal("dl_worker42", DirectLineKit.UserOf(generated.Token));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-token", HttpStatusCode.Unauthorized)]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoieCJ9.AAAA", HttpStatusCode.Unauthorized)]
    public async Task Generate_refuses_a_missing_or_wrong_secret(string? bearer, HttpStatusCode expected)
    {
        var (status, json) = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", bearer);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_token_cannot_generate_more_tokens()
    {
        var started = await _dl.StartAsync();

        var (status, _) = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", started.Token);

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Generate_refuses_malformed_json_with_400()
    {
        var (status, json) = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineKit.Secret, "{\"user\": ");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadArgument", json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Starting_with_a_token_creates_its_conversation_once()
    {
        var generated = await _dl.GenerateAsync();

        var first = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/conversations", generated.Token);
        var again = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/conversations", generated.Token);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(generated.ConversationId, first.Body.GetProperty("conversationId").GetString());
        Assert.Equal(generated.ConversationId, again.Body.GetProperty("conversationId").GetString());
        var streamUrl = first.Body.GetProperty("streamUrl").GetString()!;
        Assert.StartsWith("ws://localhost/v3/directline/conversations/" + generated.ConversationId + "/stream?", streamUrl, StringComparison.Ordinal);
        Assert.Contains("&t=", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_with_the_secret_creates_a_new_conversation_for_the_named_user()
    {
        var (status, json) = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/conversations", DirectLineKit.Secret, "{\"user\":{\"id\":\"kiosk-7\"}}");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("kiosk-7", DirectLineKit.UserOf(json.GetProperty("token").GetString()!));
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_403_everywhere()
    {
        var started = await _dl.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(3600));

        var get = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}/activities", started.Token);
        var post = await _dl.PostAsync(started, DirectLineKit.Message("你好"));
        var refresh = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", started.Token);
        var reconnect = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}", started.Token);

        Assert.All([get.Status, post.Status, refresh.Status, reconnect.Status], s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.Equal("TokenExpired", get.Body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_token_works_until_just_before_it_expires()
    {
        var started = await _dl.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(3599));

        var (status, _) = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}/activities", started.Token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_for_the_same_conversation_and_user()
    {
        var started = await _dl.StartAsync();
        _clock.Advance(TimeSpan.FromMinutes(50));

        var (status, json) = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", started.Token);
        _clock.Advance(TimeSpan.FromMinutes(50));
        var refreshed = json.GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(started.ConversationId, json.GetProperty("conversationId").GetString());
        Assert.Equal(DirectLineKit.UserOf(started.Token), DirectLineKit.UserOf(refreshed));
        Assert.Equal(HttpStatusCode.OK, (await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}/activities", refreshed)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}/activities", started.Token)).Status);
    }

    [Fact]
    public async Task A_forged_token_is_refused_with_401()
    {
        var started = await _dl.StartAsync();
        var other = await _dl.StartAsync();

        // The other conversation's claims under this token's signature.
        var parts = started.Token.Split('.');
        var forged = $"{parts[0]}.{other.Token.Split('.')[1]}.{parts[2]}";
        var (status, _) = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{other.ConversationId}/activities", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task A_token_of_another_conversation_is_refused_with_403()
    {
        var mine = await _dl.StartAsync();
        var theirs = await _dl.StartAsync();

        var get = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/activities", mine.Token);
        var post = await _dl.PostAsync(theirs, DirectLineKit.Message("你好"), bearer: mine.Token);
        var reconnect = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}", mine.Token);

        Assert.All([get.Status, post.Status, reconnect.Status], s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.DoesNotContain((await _dl.GetAsync(theirs)).Activities, a => DirectLineKit.Role(a) == "user");
    }

    [Fact]
    public async Task Requests_without_a_token_are_refused_with_401()
    {
        var started = await _dl.StartAsync();

        var get = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}/activities", bearer: null);
        var post = await _dl.PostAsync(started, DirectLineKit.Message("你好"), bearer: string.Empty);

        Assert.Equal(HttpStatusCode.Unauthorized, get.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, post.Status);
    }

    [Fact]
    public async Task An_unknown_conversation_is_404()
    {
        var get = await _dl.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope/activities", DirectLineKit.Secret);
        var post = await _dl.SendAsync(HttpMethod.Post, "/v3/directline/conversations/nope/activities", DirectLineKit.Secret, DirectLineKit.Message("你好"));
        var reconnect = await _dl.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope", DirectLineKit.Secret);

        Assert.All([get.Status, post.Status, reconnect.Status], s => Assert.Equal(HttpStatusCode.NotFound, s));
    }

    [Fact]
    public async Task Reconnect_gives_a_stream_url_from_the_watermark()
    {
        var started = await _dl.StartAsync();

        var (status, json) = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}?watermark=2", started.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/stream?watermark=2&t=", json.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_token_opens_only_the_stream_not_the_rest_api()
    {
        var started = await _dl.StartAsync();
        var streamToken = Uri.UnescapeDataString(started.StreamUrl!.Split("&t=")[1]);

        var (status, _) = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}/activities", streamToken);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
