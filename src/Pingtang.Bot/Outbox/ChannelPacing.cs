using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Outbox;

/// <summary>
/// Every channel's <see cref="ChannelPace"/>, shared by the sender's parallel sends, with the clock. Rates come from
/// <see cref="OutboxOptions"/>: <c>Outbox:MessagesPerSecond</c> for every channel, <c>Outbox:Channels:{id}:MessagesPerSecond</c> for one.
/// </summary>
public sealed class ChannelPacing(OutboxOptions options, TimeProvider time)
{
    /// <summary>The longest a send waits for its channel's turn; past it the message is put off to its slot instead.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, ChannelPace> _paces = new(StringComparer.Ordinal);

    /// <summary>Waits for the channel's turn; throws <see cref="ChannelBusyException"/> when that is more than <see cref="MaxWait"/> away.</summary>
    public async Task WaitTurnAsync(string channelId, CancellationToken cancellationToken)
    {
        var pace = Pace(channelId);
        var now = time.GetUtcNow();
        DateTimeOffset slot;
        bool reserved;
        lock (pace)
        {
            reserved = pace.TryReserve(now, MaxWait, out slot);
        }

        if (!reserved)
        {
            throw new ChannelBusyException(channelId, slot);
        }

        if (slot > now)
        {
            await Task.Delay(slot - now, time, cancellationToken);
        }
    }

    public void Sent(string channelId)
    {
        var pace = Pace(channelId);
        lock (pace)
        {
            pace.Sent();
        }
    }

    /// <summary>
    /// When <paramref name="failure"/> is the channel saying "too fast" (HTTP 429 from a Bot Framework connector), slows
    /// the channel and returns the exception to throw instead: a message put off, not a failed try. Null otherwise.
    /// </summary>
    public ChannelBusyException? TooFast(string channelId, Exception failure)
    {
        if (failure is not ErrorResponseException { Response.StatusCode: HttpStatusCode.TooManyRequests } refusal)
        {
            return null;
        }

        var pace = Pace(channelId);
        var now = time.GetUtcNow();
        DateTimeOffset until;
        lock (pace)
        {
            until = pace.TooFast(now, RetryAfter(refusal, now));
        }

        return new ChannelBusyException(channelId, until);
    }

    /// <summary>The channel's current rate, for the log and the tests.</summary>
    public double RateOf(string channelId) => Pace(channelId).Rate;

    private ChannelPace Pace(string channelId) => _paces.GetOrAdd(channelId, id => new ChannelPace(options.MessagesPerSecond(id)));

    /// <summary>Retry-After in seconds or as an HTTP date, as RFC 9110 allows.</summary>
    private static TimeSpan? RetryAfter(ErrorResponseException refusal, DateTimeOffset now)
    {
        if (refusal.Response.Headers is null || !refusal.Response.Headers.TryGetValue("Retry-After", out var values) || values.FirstOrDefault() is not { } value)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds)
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at - now
            : null;
    }
}

/// <summary>A message not sent because its channel is going as fast as it may, or asked us to slow down: put off to <see cref="Until"/>.</summary>
public sealed class ChannelBusyException(string channelId, DateTimeOffset until)
    : Exception($"Channel {channelId} is busy until {until:O}.")
{
    public DateTimeOffset Until { get; } = until;
}
