using System.Globalization;

namespace Pingtang.Domain.Calendar;

/// <summary>A day of the Chinese lunar calendar: 腊月廿三 is (12, 23); a leap month (闰六月) says so.</summary>
public sealed record LunarDay(int Year, int Month, int Day, bool LeapMonth)
{
    private static readonly string[] MonthNames = ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"];

    private static readonly string[] Tens = ["初", "十", "廿", "三"];

    private static readonly string[] Units = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>As a calendar on the wall says it: 正月初六, 腊月廿三, 闰六月十五, 正月二十.</summary>
    public override string ToString()
    {
        var day = Day switch
        {
            10 => "初十",
            20 => "二十",
            30 => "三十",
            _ => Tens[Day / 10] + Units[(Day % 10) - 1],
        };
        return $"{(LeapMonth ? "闰" : "")}{MonthNames[Month - 1]}月{day}";
    }
}

/// <summary>
/// 春节 and the lunar dates around it, for the years the return-to-work season is planned in, from .NET's own
/// <see cref="ChineseLunisolarCalendar"/> (1901 to 2100): no table to keep up to date.
/// </summary>
public static class SpringFestival
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>正月初一 of the lunar year that begins in <paramref name="year"/>: 2027 → 2027-02-06.</summary>
    public static DateOnly Of(int year) => DateOf(year, 1, 1);

    /// <summary>
    /// The Gregorian date of <paramref name="month"/>/<paramref name="day"/> (not a leap month) of the lunar year that
    /// begins in <paramref name="lunarYear"/>; 腊月 (12) of lunar year 2026 falls in January and February 2027.
    /// </summary>
    public static DateOnly DateOf(int lunarYear, int month, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        // In a year with a leap month the calendar numbers its months 1 to 13, the leap one after the month it repeats.
        var leap = Lunar.GetLeapMonth(lunarYear);
        var index = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, index, day, 0, 0, 0, 0));
    }

    /// <summary>The day before 春节 <paramref name="year"/>: 除夕, the 29th or the 30th of 腊月.</summary>
    public static DateOnly EveOf(int year) => Of(year).AddDays(-1);

    /// <summary>The lunar day <paramref name="date"/> is.</summary>
    public static LunarDay LunarDayOf(DateOnly date)
    {
        var at = date.ToDateTime(TimeOnly.MinValue);
        var (year, index, day) = (Lunar.GetYear(at), Lunar.GetMonth(at), Lunar.GetDayOfMonth(at));
        var leap = Lunar.GetLeapMonth(year);
        var month = leap != 0 && index >= leap ? index - 1 : index;
        return new LunarDay(year, month, day, leap != 0 && index == leap);
    }

    /// <summary>Days from 春节 <paramref name="year"/> to <paramref name="date"/>: 正月初六 is +5, 腊月廿三 a week or so before is negative.</summary>
    public static int DaysFrom(int year, DateOnly date) => date.DayNumber - Of(year).DayNumber;
}
