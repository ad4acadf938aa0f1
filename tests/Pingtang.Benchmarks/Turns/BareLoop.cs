using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace Pingtang.Benchmarks.Turns;

/// <summary>
/// The outbox's baseline: the outbox benchmark's messages sent straight to the channel, as a plain Bot Framework bot's
/// own loop would send them — the SDK's <see cref="ConnectorClient"/>, one for the channel's service URL and no app id,
/// each message applied to its worker's conversation reference, <see cref="OutboxLoad.Parallelism"/> at a time — with
/// no database, no leases and no rules. Each goes as the SDK sends a proactive message (and so the service): a reply
/// to the id of the continuation event that <c>ContinueConversationAsync</c> makes up, the same JSON to the same URL. A bot is a web app, so
/// this is one too, in a process of its own (<c>outbox-loop --urls …</c>); it sends when <c>POST /send</c> asks.
/// </summary>
internal static class BareLoop
{
    public const string Mode = "outbox-loop";

    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = EchoBot.CreateBuilder(args).Build();
        app.MapPost("/send", (int messages, int workers, string serviceUrl, CancellationToken cancellationToken) =>
            SendAsync(new OutboxLoad(messages, workers), serviceUrl, cancellationToken));
        await app.RunAsync();
        return 0;
    }

    /// <summary>The URL of the request that makes a bare loop send <paramref name="load"/> to <paramref name="serviceUrl"/>.</summary>
    public static Uri SendUrl(Uri loop, OutboxLoad load, string serviceUrl) =>
        new(loop, $"/send?messages={load.Messages}&workers={load.Workers}&serviceUrl={Uri.EscapeDataString(serviceUrl)}");

    private static async Task<IResult> SendAsync(OutboxLoad load, string serviceUrl, CancellationToken cancellationToken)
    {
        using var connector = new ConnectorClient(new Uri(serviceUrl), MicrosoftAppCredentials.Empty);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, load.Messages),
            new ParallelOptions { MaxDegreeOfParallelism = OutboxLoad.Parallelism, CancellationToken = cancellationToken },
            async (message, token) =>
            {
                var activity = load.MessageActivity(message, serviceUrl);
                activity.ReplyToId = Guid.NewGuid().ToString();
                await connector.Conversations.ReplyToActivityAsync(activity, token);
            });
        return Results.Ok();
    }
}
