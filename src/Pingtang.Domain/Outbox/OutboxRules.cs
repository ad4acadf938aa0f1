namespace Pingtang.Domain.Outbox;

/// <summary>What becomes of a leased message: sent now, held until a later time, or not sent with a reason.</summary>
public abstract record OutboxDecision
{
    public sealed record Send : OutboxDecision;

    public sealed record Defer(DateTimeOffset Until) : OutboxDecision;

    public sealed record Skip(string Reason) : OutboxDecision;
}

/// <summary>
/// The hours nobody is messaged (except replies in a conversation they are having), in China's time: from
/// <see cref="Start"/> to <see cref="End"/>, across midnight when the start is later. Default 22:00–08:00.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(new TimeOnly(22, 0), new TimeOnly(8, 0));

    /// <summary>When the quiet hours that hold at <paramref name="instant"/> end, or null when it is not quiet then.</summary>
    public DateTimeOffset? EndOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = Start <= End ? time >= Start && time < End : time >= Start || time < End;
        if (!quiet)
        {
            return null;
        }

        var endDay = DateOnly.FromDateTime(local.DateTime);
        if (time >= End)
        {
            endDay = endDay.AddDays(1);
        }

        var end = endDay.ToDateTime(End);
        return new DateTimeOffset(end, ChinaTime.Zone.GetUtcOffset(end)).ToUniversalTime();
    }
}

/// <summary>The outbox's rules by <see cref="MessagePurpose"/>, in one place rather than in each feature.</summary>
public static class OutboxRules
{
    public const string NoConsent = "本人未同意接收提醒";
    public const string NoChannel = "没有能联系到本人的渠道";
    public const string Unsubscribed = "本人已退订";

    /// <param name="acceptsReminders">What the worker said to reminders and alerts (退订 says no).</param>
    /// <param name="unsubscribed">Their no was a 退订, not a yes never given: the reason says which.</param>
    public static OutboxDecision Decide(MessagePurpose purpose, bool acceptsReminders, DateTimeOffset now, QuietHours quietHours, bool unsubscribed = false)
    {
        ArgumentNullException.ThrowIfNull(quietHours);
        if (purpose == MessagePurpose.Reply)
        {
            return new OutboxDecision.Send();
        }

        // Consent first: a message that may never go is skipped now, not held until morning and skipped then.
        if (purpose == MessagePurpose.Promotional && !acceptsReminders)
        {
            return new OutboxDecision.Skip(unsubscribed ? Unsubscribed : NoConsent);
        }

        return quietHours.EndOf(now) is { } end ? new OutboxDecision.Defer(end) : new OutboxDecision.Send();
    }

    /// <summary>How long after the <paramref name="attempts"/>-th failed try the next one is: 1, 5, 30 minutes, 2 hours.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromHours(2),
    };
}
