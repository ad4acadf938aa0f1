using System.Net.WebSockets;
using System.Text;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket behind a conversation's <c>streamUrl</c>: sends <c>{ activities, watermark }</c> sets as they are
/// stored, from the watermark in the URL on (or from the start), and an empty message as a keep-alive. What the
/// client sends is ignored (directlinejs sends empty pings).
/// </summary>
internal static class DirectLineStream
{
    /// <summary>How often an idle stream looks in the database, for what another instance stored.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public static async Task<IResult> RunAsync(
        string conversationId, string? watermark, string? t, HttpContext http, DirectLineTokens tokens, DirectLineStore store,
        DirectLineStreams streams, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DirectLineStreams> logger)
    {
        if (DirectLineRequests.Refusal(tokens.AuthenticateStream(t, out var caller)) is { } refused)
        {
            return refused;
        }

        if (DirectLineRequests.Authorize(caller!, conversationId) is { } forbidden)
        {
            return forbidden;
        }

        if (!DirectLineRequests.TryParseWatermark(watermark, out var sent))
        {
            return DirectLineRequests.BadWatermark();
        }

        if (await store.FindAsync(conversationId, http.RequestAborted) is null)
        {
            return DirectLineRequests.ConversationNotFound();
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return DirectLineRequests.Error(StatusCodes.Status400BadRequest, "BadArgument", "The stream URL is for a WebSocket.");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var listener = streams.Listen(conversationId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping, listener.Superseded);
        var clientClosed = DrainAsync(socket, stop.Token);
        var lastSent = time.GetUtcNow();
        try
        {
            while (!clientClosed.IsCompleted && socket.State == WebSocketState.Open)
            {
                var page = await store.ReadAsync(conversationId, sent, stop.Token);
                if (page.Activities.Count > 0)
                {
                    await SendAsync(socket, DirectLineStore.ToActivitySet(page), stop.Token);
                    sent = page.Watermark;
                    lastSent = time.GetUtcNow();
                    if (page.Activities.Count == DirectLineStore.PageSize)
                    {
                        continue;
                    }
                }
                else if (time.GetUtcNow() - lastSent >= KeepAlive)
                {
                    await SendAsync(socket, string.Empty, stop.Token);
                    lastSent = time.GetUtcNow();
                }

                await Task.WhenAny(listener.WaitAsync(Recheck, stop.Token), clientClosed);
            }

            await CloseAsync(socket, WebSocketCloseStatus.NormalClosure, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Tell the client to reconnect (to this service when it is back, or to another instance).
            await CloseAsync(socket, WebSocketCloseStatus.EndpointUnavailable, CancellationToken.None);
        }
        catch (OperationCanceledException) when (listener.Superseded.IsCancellationRequested)
        {
            await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation, lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug("Direct Line stream of {ConversationId} ended: {Reason}", conversationId, e.GetType().Name);
        }
        finally
        {
            // Ends the pending wait and the drain before the listener goes.
            await stop.CancelAsync();
        }

        return Results.Empty;
    }

    private static Task SendAsync(WebSocket socket, string message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads (and drops) what the client sends, until it closes.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The connection is gone; the send loop sees it too.
        }
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, CancellationToken cancellationToken)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(status, statusDescription: null, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // Closing politely is a courtesy; the connection ends either way.
            }
        }
    }
}
