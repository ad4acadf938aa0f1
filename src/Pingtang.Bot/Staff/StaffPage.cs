using System.Globalization;
using Pingtang.Domain;

namespace Pingtang.Bot.Staff;

/// <summary>How the console's pages write what they show.</summary>
public static class StaffPage
{
    /// <summary>A stored UTC time as staff read it: Beijing time, to the minute.</summary>
    public static string ChinaTimeText(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
