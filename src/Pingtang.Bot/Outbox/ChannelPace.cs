namespace Pingtang.Bot.Outbox;

/// <summary>
/// The pace of one channel's proactive messages: at most <see cref="Configured"/> a second (0: as fast as they go),
/// halved each time the channel says "too fast" and not below <see cref="Floor"/>, then back up by a twentieth of the
/// configured rate per message sent; and nothing at all until a "retry after" the channel gave has passed. A pure
/// decision of (state, now): the caller keeps it behind a lock and supplies the clock.
/// </summary>
public sealed class ChannelPace(double configured)
{
    /// <summary>The slowest a paced channel is slowed to: one message in ten seconds.</summary>
    public const double Floor = 0.1;

    /// <summary>How long "too fast" holds a channel when it did not say for how long.</summary>
    public static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public double Configured { get; } = configured >= 0 ? configured : throw new ArgumentOutOfRangeException(nameof(configured));

    /// <summary>Messages a second now: the configured rate, or less after "too fast"; 0 for an unpaced channel.</summary>
    public double Rate { get; private set; } = configured;

    /// <summary>
    /// The time the next message may go, at <paramref name="now"/> or later; the slot is taken only when it is within
    /// <paramref name="maxWait"/>, so a message that would wait longer is put off without holding up the ones after it.
    /// </summary>
    public bool TryReserve(DateTimeOffset now, TimeSpan maxWait, out DateTimeOffset slot)
    {
        slot = _next > now ? _next : now;
        if (slot - now > maxWait)
        {
            return false;
        }

        if (Rate > 0)
        {
            _next = slot + TimeSpan.FromSeconds(1 / Rate);
        }

        return true;
    }

    /// <summary>The channel refused a message as too fast: slower from now, and nothing before its retry-after.</summary>
    /// <returns>When the refused message may be tried again.</returns>
    public DateTimeOffset TooFast(DateTimeOffset now, TimeSpan? retryAfter)
    {
        if (Configured > 0)
        {
            Rate = Math.Max(Rate / 2, Math.Min(Floor, Configured));
        }

        var until = now + (retryAfter is { } after && after > TimeSpan.Zero ? after : DefaultPause);
        if (until > _next)
        {
            _next = until;
        }

        return until;
    }

    /// <summary>A message went: the rate recovers a step towards the configured one.</summary>
    public void Sent() => Rate = Math.Min(Configured, Rate + (Configured / 20));
}
