using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Tests.Outbox;

public sealed class OutboxRulesTests
{
    /// <summary>China time on 2026-12-01 (UTC+8).</summary>
    private static DateTimeOffset China(int day, int hour, int minute) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Theory]
    // purpose, consent, China hour:minute, expected: "send", "skip", or the China "day hh:mm" it is held until
    [InlineData(MessagePurpose.Reply, false, 23, 30, "send")]
    [InlineData(MessagePurpose.Reply, false, 3, 0, "send")]
    [InlineData(MessagePurpose.Practical, false, 12, 0, "send")]
    [InlineData(MessagePurpose.Practical, false, 21, 59, "send")]
    [InlineData(MessagePurpose.Practical, false, 22, 0, "2 08:00")]
    [InlineData(MessagePurpose.Practical, true, 23, 30, "2 08:00")]
    [InlineData(MessagePurpose.Practical, false, 0, 0, "1 08:00")]
    [InlineData(MessagePurpose.Practical, false, 7, 59, "1 08:00")]
    [InlineData(MessagePurpose.Practical, false, 8, 0, "send")]
    [InlineData(MessagePurpose.Promotional, true, 9, 0, "send")]
    [InlineData(MessagePurpose.Promotional, true, 23, 0, "2 08:00")]
    [InlineData(MessagePurpose.Promotional, false, 9, 0, "skip")]
    [InlineData(MessagePurpose.Promotional, false, 23, 0, "skip")]
    public void Each_purpose_has_its_rules_of_consent_and_quiet_hours(MessagePurpose purpose, bool consent, int hour, int minute, string expected)
    {
        var decision = OutboxRules.Decide(purpose, consent, China(1, hour, minute), QuietHours.Default);

        var read = decision switch
        {
            OutboxDecision.Send => "send",
            OutboxDecision.Skip skip when skip.Reason == OutboxRules.NoConsent => "skip",
            OutboxDecision.Defer defer => TimeZoneInfo.ConvertTime(defer.Until, ChinaTime.Zone).ToString("d HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            _ => decision.ToString(),
        };
        Assert.Equal(expected, read);
    }

    [Theory]
    [InlineData(11, 59, null)]
    [InlineData(12, 0, "13:00")]
    [InlineData(12, 59, "13:00")]
    [InlineData(13, 0, null)]
    public void Quiet_hours_within_one_day_end_the_same_day(int hour, int minute, string? until)
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0));

        var end = lunch.EndOf(China(1, hour, minute));

        Assert.Equal(until, end is { } e ? TimeZoneInfo.ConvertTime(e, ChinaTime.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    [Fact]
    public void Failed_tries_wait_longer_each_time()
    {
        var waits = Enumerable.Range(1, OutboxMessage.MaxAttempts).Select(OutboxRules.Backoff).ToList();

        Assert.Equal(waits.Order(), waits);
        Assert.True(waits[0] >= TimeSpan.FromMinutes(1));
    }
}
