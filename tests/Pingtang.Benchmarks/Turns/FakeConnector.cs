using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pingtang.Benchmarks.Turns;

/// <summary>
/// The channel side of <c>/api/messages</c> on 127.0.0.1: it acknowledges every activity a bot sends and tells the
/// turn waiting for it. A reply names its conversation and the activity it answers in its URL
/// (<c>/v3/conversations/{conversation}/activities/{replyToId}</c>), which is how replies are matched to turns.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Conversation, string Activity), ReplyWaiter> _waiters = new();
    private long _unmatched;
    private long _ids;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The service URL activities carry so that the bot answers here (with the trailing slash the SDK expects).</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Replies no turn was waiting for, or more than it expected: a sign the reply counts are wrong.</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    public static async Task<FakeConnector> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) =>
            connector.ReceiveAsync(conversationId, activityId, request));
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) =>
            connector.ReceiveAsync(conversationId, activityId: null, request));
        await app.StartAsync(cancellationToken);
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return connector;
    }

    /// <summary>
    /// Waits for the replies to one activity; register before sending it. With <paramref name="expected"/> unknown
    /// (null) it only counts, for finding out how many replies an input gets.
    /// </summary>
    public ReplyWaiter Expect(string conversationId, string activityId, int? expected)
    {
        var waiter = new ReplyWaiter(expected ?? int.MaxValue);
        _waiters[(conversationId, activityId)] = waiter;
        return waiter;
    }

    public void Forget(string conversationId, string activityId) => _waiters.TryRemove((conversationId, activityId), out _);

    private async Task<IResult> ReceiveAsync(string conversationId, string? activityId, HttpRequest request)
    {
        // A channel reads the whole activity before it answers; so does this one.
        await request.Body.CopyToAsync(Stream.Null);
        if (activityId is null || !_waiters.TryGetValue((conversationId, activityId), out var waiter) || !waiter.Arrive())
        {
            Interlocked.Increment(ref _unmatched);
        }

        return Results.Json(new { id = Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture) });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The replies one activity has had so far; done when the expected number has arrived.</summary>
internal sealed class ReplyWaiter(int expected)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task All => _all.Task;

    /// <summary>Counts a reply; false when it is one more than expected.</summary>
    public bool Arrive()
    {
        var count = Interlocked.Increment(ref _count);
        if (count == expected)
        {
            _all.TrySetResult();
        }

        return count <= expected;
    }
}
