namespace Pingtang.Bot.Tests.Support;

public static class TestClock
{
    /// <summary>2026-11-29 10:00 in China, the day the tests of both projects run on.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
}
