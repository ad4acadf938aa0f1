using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// A Bot Framework connector (the channel side of <c>/api/messages</c>) on 127.0.0.1: it records every activity the
/// bot sends, exactly as it arrived on the wire.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>How many of the next activities are refused as too fast (429, with <see cref="RetryAfterSeconds"/>), as a channel under load does.</summary>
    public int RefuseAsTooFast { get; set; }

    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>How many activities were refused as too fast.</summary>
    public int Refused { get; private set; }

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{*rest}", connector.ReceiveAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.ReceiveAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return connector;
    }

    /// <summary>A worker's message for <c>/api/messages</c> whose replies come here; the worker is <c>user-of-</c> the conversation.</summary>
    public object Message(string id, string conversationId, string text) => new
    {
        type = "message",
        id,
        text,
        channelId = "emulator",
        serviceUrl = ServiceUrl,
        from = new { id = $"user-of-{conversationId}", name = "工友" },
        recipient = new { id = "bot" },
        conversation = new { id = conversationId },
    };

    private async Task<IResult> ReceiveAsync(HttpRequest request, HttpResponse response)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        lock (Bodies)
        {
            if (RefuseAsTooFast > 0)
            {
                RefuseAsTooFast--;
                Refused++;
                response.Headers.RetryAfter = $"{RetryAfterSeconds}";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }
        }

        Bodies.Enqueue(body);
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    public IReadOnlyList<string> Texts() =>
        Bodies.Select(b => Newtonsoft.Json.Linq.JObject.Parse(b).Value<string>("text") ?? string.Empty).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
