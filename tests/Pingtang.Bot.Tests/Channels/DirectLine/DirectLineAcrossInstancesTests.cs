using System.Text.Json;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

/// <summary>
/// Two instances on one PostgreSQL database: a worker's stream open on one gets what the other writes at once, not
/// at the stream's own next look (every 10 s).
/// </summary>
public sealed class DirectLineAcrossInstancesTests : IDisposable
{
    /// <summary>Well inside the stream's own 10 s look, so only a wake-up from the other instance gets the reply here in time.</summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(4);

    private readonly OneDatabase _database = new();

    public void Dispose()
    {
        _database.Dispose();
    }

    [PostgresFact]
    public async Task A_stream_on_one_instance_gets_the_reply_written_by_the_other_at_once()
    {
        var (streaming, answering) = (Instance(), Instance());
        _ = (streaming.Services, answering.Services);
        await TestPostgres.ListeningAsync(_database.ConnectionString, instances: 2);
        var started = await new DirectLineKit(streaming.CreateClient()).StartAsync();
        using var socket = await streaming.Server.CreateWebSocketClient().ConnectAsync(new Uri(started.StreamUrl!), CancellationToken.None);
        var (welcome, _) = await DirectLineStreamTests.ReceiveSetAsync(socket);

        await new DirectLineKit(answering.CreateClient()).SayAsync(started, "帮助");
        var received = new List<JsonElement>();
        using var deadline = new CancellationTokenSource(AtOnce);
        while (!received.Any(a => DirectLineKit.Role(a) == "bot"))
        {
            var next = DirectLineStreamTests.ReceiveSetAsync(socket);
            var first = await Task.WhenAny(next, Task.Delay(Timeout.Infinite, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default));
            Assert.True(first == next, $"The reply written by the other instance did not reach the stream within {AtOnce.TotalSeconds} s.");
            received.AddRange((await next).Activities);
        }

        Assert.Single(welcome);
        Assert.Equal("帮助", DirectLineKit.Text(received[0]));
        Assert.Contains("「退订」", DirectLineKit.Text(received.First(a => DirectLineKit.Role(a) == "bot")), StringComparison.Ordinal);
    }

    private PingtangFactory Instance() => _database.Instance(settings => DirectLineKit.Host(settings: settings));
}
