using Pingtang.Domain.Calendar;

namespace Pingtang.Domain.Tests.Calendar;

/// <summary>春节 and the lunar dates around it, against dates published in the almanac.</summary>
public sealed class SpringFestivalTests
{
    [Theory]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2030, "2030-02-03")]
    public void Spring_festival_falls_on_the_first_day_of_the_first_month(int year, string date) =>
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), SpringFestival.Of(year));

    [Fact]
    public void Lunar_dates_around_it_count_past_a_leap_month()
    {
        // Lunar 2025 repeats its sixth month (闰六月), so its 腊月 is the calendar's thirteenth.
        Assert.Equal(new DateOnly(2026, 1, 26), SpringFestival.DateOf(2025, 12, 8));
        Assert.Equal(new DateOnly(2026, 2, 22), SpringFestival.DateOf(2026, 1, 6));
        Assert.Equal(new DateOnly(2026, 3, 3), SpringFestival.DateOf(2026, 1, 15));
        Assert.Equal(new DateOnly(2027, 2, 5), SpringFestival.EveOf(2027));
    }

    [Theory]
    [InlineData("2026-02-22", "正月初六", false)]
    [InlineData("2026-01-26", "腊月初八", false)]
    [InlineData("2026-03-03", "正月十五", false)]
    [InlineData("2025-08-08", "闰六月十五", true)]
    [InlineData("2026-02-07", "腊月二十", false)]
    [InlineData("2026-02-16", "腊月廿九", false)]
    public void A_date_reads_as_the_lunar_day_it_is(string date, string lunar, bool leap)
    {
        var day = SpringFestival.LunarDayOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((lunar, leap), (day.ToString(), day.LeapMonth));
    }

    [Fact]
    public void Days_from_spring_festival_are_counted_both_ways()
    {
        Assert.Equal(5, SpringFestival.DaysFrom(2026, new DateOnly(2026, 2, 22)));
        Assert.Equal(-22, SpringFestival.DaysFrom(2026, new DateOnly(2026, 1, 26)));
    }
}
