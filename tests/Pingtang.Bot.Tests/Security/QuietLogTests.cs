using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// What an operator reads in the log when nothing is wrong: the outside test saw <c>UNIQUE constraint failed</c> errors
/// with stack traces for concurrent posts, and a too-large body logged as an unhandled exception.
/// </summary>
public sealed class QuietLogTests
{
    [Fact]
    public async Task Concurrent_posts_to_one_conversation_are_all_answered_and_log_no_error()
    {
        var log = new LogRecorder();
        using var host = DirectLineKit.Host(services: s => s.AddSingleton<ILoggerProvider>(log));
        var dl = new DirectLineKit(host.CreateClient());
        var started = await dl.StartAsync();

        var posts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => dl.PostAsync(started, DirectLineKit.Message("帮助", clientActivityId: $"c{i}"))));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Empty(log.AtLeast(LogLevel.Warning));
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_a_413_with_one_line()
    {
        var log = new LogRecorder();
        await using var host = LiveHost.Start(services: s => s.AddSingleton<ILoggerProvider>(log));
        // The client waits for the server's answer before it sends the body, however slow a loaded machine makes that
        // answer: after HttpClient's default second it would start sending, and the server closing on it would be a
        // broken pipe, not the 413.
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = new Uri(host.BaseUrl) };
        var huge = new string('a', 40 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, BotFrameworkChannel.Path)
        {
            Content = new StringContent($"{{\"type\":\"message\",\"text\":\"{huge}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };

        // As curl does for a big upload: the server may answer before the body is sent.
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(log.AtLeast(LogLevel.Warning));
        Assert.Single(log.Entries, e => e.Message.Contains("refused a body over", StringComparison.Ordinal));
    }
}
