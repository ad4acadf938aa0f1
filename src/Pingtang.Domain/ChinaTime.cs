using System.Globalization;

namespace Pingtang.Domain;

/// <summary>Asia/Shanghai: every time is stored in UTC and shown, or reasoned about by the day, in China's time.</summary>
public static class ChinaTime
{
    /// <summary>China keeps UTC+8 all year; the fixed offset stands in where the machine has no time-zone data.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static DateTimeOffset Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Of(time.GetUtcNow());
    }

    /// <summary>The instant as China's clocks show it.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant as staff and workers read it, in China's time: to the minute unless <paramref name="format"/> says otherwise.</summary>
    public static string Text(DateTimeOffset instant, string format = "yyyy-MM-dd HH:mm") =>
        Of(instant).ToString(format, CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    /// <summary>The instant China's clocks show <paramref name="time"/> on <paramref name="date"/>, in UTC.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The calendar day in China at that instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Of(instant).DateTime);
}
