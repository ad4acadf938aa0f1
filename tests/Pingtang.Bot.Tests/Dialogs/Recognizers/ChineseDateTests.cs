using System.Globalization;
using Pingtang.Bot.Dialogs.Recognizers;

namespace Pingtang.Bot.Tests.Dialogs.Recognizers;

public class ChineseDateTests
{
    // A Wednesday.
    private const string Wednesday = "2026-02-11";

    [Theory]
    [InlineData("今天", Wednesday, "2026-02-11")]
    [InlineData("今日", Wednesday, "2026-02-11")]
    [InlineData("明天", Wednesday, "2026-02-12")]
    [InlineData("明日", Wednesday, "2026-02-12")]
    [InlineData("明天。", Wednesday, "2026-02-12")]
    [InlineData("后天", Wednesday, "2026-02-13")]
    [InlineData("大后天", Wednesday, "2026-02-14")]
    [InlineData("明天", "2026-12-31", "2027-01-01")]
    public void TryParse_reads_days_relative_to_today(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("下周一", Wednesday, "2026-02-16")]
    [InlineData("下周三", Wednesday, "2026-02-18")]
    [InlineData("下星期三", Wednesday, "2026-02-18")]
    [InlineData("下礼拜五", Wednesday, "2026-02-20")]
    [InlineData("下个星期二", Wednesday, "2026-02-17")]
    [InlineData("下周日", Wednesday, "2026-02-22")]
    [InlineData("下周天", Wednesday, "2026-02-22")]
    [InlineData("下周 一", Wednesday, "2026-02-16")]
    [InlineData("下周一", "2026-02-15", "2026-02-16")] // on a Sunday, next week starts tomorrow
    [InlineData("下周一", "2026-02-16", "2026-02-23")] // on a Monday, a week away
    public void TryParse_reads_a_day_of_next_week_with_weeks_starting_monday(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("周三", Wednesday, "2026-02-11")]
    [InlineData("星期三", Wednesday, "2026-02-11")]
    [InlineData("礼拜三", Wednesday, "2026-02-11")]
    [InlineData("周五", Wednesday, "2026-02-13")]
    [InlineData("礼拜五", Wednesday, "2026-02-13")]
    [InlineData("周日", Wednesday, "2026-02-15")]
    [InlineData("星期天", Wednesday, "2026-02-15")]
    [InlineData("周一", Wednesday, "2026-02-16")]
    [InlineData("周二", Wednesday, "2026-02-17")]
    [InlineData("这周五", Wednesday, "2026-02-13")]
    [InlineData("本周日", Wednesday, "2026-02-15")]
    public void TryParse_reads_a_bare_weekday_as_the_next_such_day_today_included(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("2月15日", Wednesday, "2026-02-15")]
    [InlineData("2月15号", Wednesday, "2026-02-15")]
    [InlineData("2月15", Wednesday, "2026-02-15")]
    [InlineData("２月１５日", Wednesday, "2026-02-15")]
    [InlineData("2月 15日", Wednesday, "2026-02-15")]
    [InlineData("二月十五日", Wednesday, "2026-02-15")]
    [InlineData("二月十五号", Wednesday, "2026-02-15")]
    [InlineData("2.15", Wednesday, "2026-02-15")]
    [InlineData("2-15", Wednesday, "2026-02-15")]
    [InlineData("2/15", Wednesday, "2026-02-15")]
    [InlineData("02-15", Wednesday, "2026-02-15")]
    [InlineData("2月11日", Wednesday, "2026-02-11")]
    [InlineData("12月31日", Wednesday, "2026-12-31")]
    [InlineData("1月5日", Wednesday, "2027-01-05")]
    [InlineData("2月10日", Wednesday, "2027-02-10")]
    [InlineData("2月29日", "2027-03-01", "2028-02-29")]
    public void TryParse_reads_month_and_day_as_this_year_or_next_if_past(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("2026-02-15", Wednesday, "2026-02-15")]
    [InlineData("2026/2/15", Wednesday, "2026-02-15")]
    [InlineData("2026.2.15", Wednesday, "2026-02-15")]
    [InlineData("2026年2月15日", Wednesday, "2026-02-15")]
    [InlineData("2026年2月15号", Wednesday, "2026-02-15")]
    [InlineData("二〇二六年二月十五日", Wednesday, "2026-02-15")]
    [InlineData("2025-12-01", Wednesday, "2025-12-01")]
    [InlineData("2028-02-29", Wednesday, "2028-02-29")]
    public void TryParse_reads_full_dates_as_written(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData("15号", Wednesday, "2026-02-15")]
    [InlineData("15日", Wednesday, "2026-02-15")]
    [InlineData("十五号", Wednesday, "2026-02-15")]
    [InlineData("11号", Wednesday, "2026-02-11")]
    [InlineData("5号", Wednesday, "2026-03-05")]
    [InlineData("28号", Wednesday, "2026-02-28")]
    [InlineData("3号", "2026-12-20", "2027-01-03")]
    public void TryParse_reads_a_day_of_month_as_this_month_or_next_if_past(string input, string today, string expected) =>
        AssertDate(input, today, expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("你好")]
    [InlineData("昨天")]
    [InlineData("下周")]
    [InlineData("周八")]
    [InlineData("周末")]
    [InlineData("下下周一")]
    [InlineData("这周一")] // already past on a Wednesday
    [InlineData("2月30日")]
    [InlineData("2月29日")] // 2026 is not a leap year
    [InlineData("13月1日")]
    [InlineData("0月5日")]
    [InlineData("2月0日")]
    [InlineData("2月")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("26-2-15")]
    [InlineData("2.30")]
    [InlineData("2.1.5.6")]
    [InlineData("15")]
    [InlineData("32号")]
    [InlineData("30号")] // February has no 30th: rejected, not moved to March
    [InlineData("号")]
    [InlineData("3到5号")]
    [InlineData("2月15日下午")]
    public void TryParse_rejects_impossible_dates_and_non_dates(string? input) =>
        Assert.False(ChineseDate.TryParse(input, DateOnly.Parse(Wednesday, CultureInfo.InvariantCulture), out _));

    [Fact]
    public void Reference_day_is_a_wednesday() =>
        Assert.Equal(DayOfWeek.Wednesday, DateOnly.Parse(Wednesday, CultureInfo.InvariantCulture).DayOfWeek);

    private static void AssertDate(string input, string today, string expected)
    {
        Assert.True(ChineseDate.TryParse(input, DateOnly.Parse(today, CultureInfo.InvariantCulture), out DateOnly date));
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date);
    }
}
