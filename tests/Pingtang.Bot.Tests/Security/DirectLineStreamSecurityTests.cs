using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Pingtang.Bot.Channels.DirectLine;
using Pingtang.Bot.Tests.Channels.DirectLine;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// The outside test's Direct Line findings: the Host header was copied into the stream URL, and one token opened any
/// number of streams.
/// </summary>
public sealed class DirectLineStreamSecurityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_made_up_host_gets_no_stream_url_and_starts_nothing()
    {
        using var host = DirectLineKit.Host();
        var dl = new DirectLineKit(host.CreateClient());
        var generated = await dl.GenerateAsync();
        var evil = new DirectLineKit(host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") }));

        var (status, body) = await evil.SendAsync(HttpMethod.Post, "/v3/directline/conversations", generated.Token, "{}");
        var (reconnect, _) = await evil.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{generated.ConversationId}", generated.Token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(HttpStatusCode.BadRequest, reconnect);
        Assert.DoesNotContain("ws://evil.example", body.GetRawText(), StringComparison.Ordinal);
        var (activities, _) = await dl.GetAsync(generated);
        Assert.Empty(activities);
    }

    [Fact]
    public async Task The_configured_public_address_names_the_stream_whatever_the_host_header_says()
    {
        using var host = DirectLineKit.Host(settings: new() { ["PublicBaseUrl"] = "https://jiuye.example.gov.cn/chat/" });
        var generated = await new DirectLineKit(host.CreateClient()).GenerateAsync();
        var evil = new DirectLineKit(host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") }));

        var (status, body) = await evil.SendAsync(HttpMethod.Post, "/v3/directline/conversations", generated.Token, "{}");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith(
            $"wss://jiuye.example.gov.cn/chat/v3/directline/conversations/{Uri.EscapeDataString(generated.ConversationId)}/stream?",
            body.GetProperty("streamUrl").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_allowed_hosts_set_only_those_hosts_are_answered()
    {
        using var host = DirectLineKit.Host(settings: new() { ["AllowedHosts"] = "jiuye.example.gov.cn" });
        var ours = new DirectLineKit(host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://jiuye.example.gov.cn") }));
        var evil = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") });
        var generated = await ours.GenerateAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new("Bearer", generated.Token);
        var refused = (await evil.SendAsync(request)).StatusCode;
        var (status, body) = await ours.SendAsync(HttpMethod.Post, "/v3/directline/conversations", generated.Token, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith("ws://jiuye.example.gov.cn/v3/directline/", body.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://jiuye.example.gov.cn")]
    [InlineData("jiuye.example.gov.cn")]
    [InlineData("https://jiuye.example.gov.cn/?x=1")]
    public void A_public_address_that_is_not_a_web_address_stops_the_service_at_start(string configured)
    {
        using var host = DirectLineKit.Host(settings: new() { ["PublicBaseUrl"] = configured });

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("PublicBaseUrl", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_conversation_keeps_a_few_streams_and_the_oldest_close_when_more_open()
    {
        using var host = DirectLineKit.Host();
        var dl = new DirectLineKit(host.CreateClient());
        var started = await dl.StartAsync();
        var sockets = new List<WebSocket>();
        for (var i = 0; i < DirectLineStreams.MaxPerConversation + 2; i++)
        {
            using var timeout = new CancellationTokenSource(Patience);
            var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(started.StreamUrl!), timeout.Token);
            await DirectLineStreamTests.ReceiveSetAsync(socket);
            sockets.Add(socket);
        }

        try
        {
            foreach (var oldest in sockets.Take(2))
            {
                await AssertEndsAsync(oldest);
            }

            await dl.SayAsync(started, "帮助");
            foreach (var open in sockets.Skip(2))
            {
                var (set, _) = await DirectLineStreamTests.ReceiveSetAsync(open);
                Assert.Equal("帮助", DirectLineKit.Text(set[0]));
            }
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    private static async Task AssertEndsAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, timeout.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException && !timeout.IsCancellationRequested)
        {
            // Ended without a closing handshake: ended all the same.
        }
    }
}
