using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineStreamTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly PingtangFactory _host = DirectLineKit.Host();
    private readonly DirectLineKit _dl;

    public DirectLineStreamTests() => _dl = new DirectLineKit(_host.CreateClient());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_stream_sends_the_welcome_then_each_activity_as_it_happens()
    {
        var started = await _dl.StartAsync();
        using var socket = await ConnectAsync(started.StreamUrl!);

        var (welcome, afterWelcome) = await ReceiveSetAsync(socket);
        var id = await _dl.SayAsync(started, "帮助");
        var (stored, last) = await _dl.GetAsync(started, afterWelcome);
        var received = new List<JsonElement>();
        var watermark = afterWelcome;
        while (watermark != last)
        {
            (var set, watermark) = await ReceiveSetAsync(socket);
            received.AddRange(set);
        }

        Assert.Equal("bot", DirectLineKit.Role(Assert.Single(welcome)));
        Assert.Equal(id, received[0].GetProperty("id").GetString());
        Assert.Equal("user", DirectLineKit.Role(received[0]));
        Assert.Equal(stored.Select(a => a.GetRawText()), received.Select(a => a.GetRawText()));
    }

    [Fact]
    public async Task Reconnecting_with_the_watermark_delivers_what_happened_while_away()
    {
        var started = await _dl.StartAsync();
        string watermark;
        using (var first = await ConnectAsync(started.StreamUrl!))
        {
            (_, watermark) = await ReceiveSetAsync(first);
            await first.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await _dl.SayAsync(started, "帮助");
        var (_, reconnect) = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}?watermark={watermark}", started.Token);
        using var second = await ConnectAsync(reconnect.GetProperty("streamUrl").GetString()!);
        var (missed, _) = await ReceiveSetAsync(second);
        var (stored, _) = await _dl.GetAsync(started, watermark);

        Assert.Equal("帮助", DirectLineKit.Text(missed[0]));
        Assert.Equal(stored.Select(a => a.GetRawText()), missed.Select(a => a.GetRawText()));
    }

    [Fact]
    public async Task The_stream_ignores_what_the_client_sends_and_keeps_streaming()
    {
        var started = await _dl.StartAsync();
        using var socket = await ConnectAsync(started.StreamUrl!);
        await ReceiveSetAsync(socket);

        // directlinejs pings with empty messages.
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None);
        await socket.SendAsync("garbage"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        await _dl.SayAsync(started, "帮助");
        var (set, _) = await ReceiveSetAsync(socket);

        Assert.Equal("帮助", DirectLineKit.Text(set[0]));
    }

    [Theory]
    [InlineData("", HttpStatusCode.Unauthorized)]
    [InlineData("forged.token.here", HttpStatusCode.Unauthorized)]
    public async Task A_stream_url_without_a_valid_token_is_refused(string token, HttpStatusCode expected)
    {
        var started = await _dl.StartAsync();

        var (status, _) = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{started.ConversationId}/stream?t={token}", bearer: null);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task A_stream_token_of_another_conversation_is_refused()
    {
        var mine = await _dl.StartAsync();
        var theirs = await _dl.StartAsync();
        var myStream = mine.StreamUrl!.Split("?")[1];

        var (status, _) = await _dl.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/stream?{myStream}", bearer: null);

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    private async Task<WebSocket> ConnectAsync(string streamUrl)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _host.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), timeout.Token);
    }

    /// <summary>The next non-empty <c>{ activities, watermark }</c> set; empty messages are keep-alives.</summary>
    internal static async Task<(List<JsonElement> Activities, string Watermark)> ReceiveSetAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length == 0)
            {
                continue;
            }

            var json = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
            return ([.. json.GetProperty("activities").EnumerateArray()], json.GetProperty("watermark").GetString()!);
        }
    }
}
