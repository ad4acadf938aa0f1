using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
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
/// While <see cref="ExpectMessages"/> is armed it counts messages instead, by their text: the outbox benchmark's.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Conversation, string Activity), ReplyWaiter> _waiters = new();
    private long _unmatched;
    private long _ids;
    private MessageArrivals? _messages;

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

    /// <summary>From now on, counts every activity that arrives as a message of <paramref name="expected"/> distinct texts.</summary>
    public MessageArrivals ExpectMessages(int expected)
    {
        var arrivals = new MessageArrivals(expected);
        Volatile.Write(ref _messages, arrivals);
        return arrivals;
    }

    private async Task<IResult> ReceiveAsync(string conversationId, string? activityId, HttpRequest request)
    {
        if (Volatile.Read(ref _messages) is { } messages)
        {
            using var activity = await JsonDocument.ParseAsync(request.Body);
            messages.Arrive(conversationId, activity.RootElement.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "", replyTo: activityId is not null);
            return Acknowledge();
        }

        // A channel reads the whole activity before it answers; so does this one.
        await request.Body.CopyToAsync(Stream.Null);
        if (activityId is null || !_waiters.TryGetValue((conversationId, activityId), out var waiter) || !waiter.Arrive())
        {
            Interlocked.Increment(ref _unmatched);
        }

        return Acknowledge();
    }

    private IResult Acknowledge() => Results.Json(new { id = Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture) });

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

/// <summary>
/// The messages a sender has delivered so far, by text: when the first and the last of the distinct ones arrived, and
/// how many arrived more than once (the outbox sends at least once).
/// </summary>
internal sealed class MessageArrivals(int expected)
{
    private readonly ConcurrentDictionary<string, byte> _texts = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _total;
    private long _distinct;
    private long _replies;
    private long _firstAt;
    private long _lastAt;

    public int Expected => expected;

    public long Total => Interlocked.Read(ref _total);

    public long Distinct => Interlocked.Read(ref _distinct);

    public long Duplicates => Total - Distinct;

    /// <summary>How many came as a reply to an activity (<c>…/activities/{id}</c>) rather than to the conversation.</summary>
    public long Replies => Interlocked.Read(ref _replies);

    public Task First => _first.Task;

    public Task All => _all.Task;

    /// <summary>From the first message's arrival to the arrival of the last distinct one.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstAt), Interlocked.Read(ref _lastAt));

    /// <summary>A message is told apart by its conversation and text: a broadcast says the same to every worker.</summary>
    public void Arrive(string conversationId, string text, bool replyTo)
    {
        var now = Stopwatch.GetTimestamp();
        if (Interlocked.Increment(ref _total) == 1)
        {
            Interlocked.Exchange(ref _firstAt, now);
            _first.TrySetResult();
        }

        if (replyTo)
        {
            Interlocked.Increment(ref _replies);
        }

        if (_texts.TryAdd($"{conversationId}\n{text}", 0) && Interlocked.Increment(ref _distinct) == expected)
        {
            Interlocked.Exchange(ref _lastAt, now);
            _all.TrySetResult();
        }
    }
}
