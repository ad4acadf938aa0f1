using Pingtang.Domain.Sheets;

namespace Pingtang.Domain.Tests.Sheets;

public sealed class SheetCellsTests
{
    public static TheoryData<object?, int?> Numbers => new()
    {
        { 6000d, 6000 },
        { "6000", 6000 },
        { "6,000", 6000 },
        { " 6000元 ", 6000 },
        { "６０００", 6000 },
        { "￥5500", 5500 },
        { "0.6万", 6000 },
        { "6k", 6000 },
        { "200元/天", 200 },
        { "45岁", 45 },
        { "20人", 20 },
        { "不限", null },
        { "若干", null },
        { "", null },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Numbers_are_read_as_stations_type_them(object? cell, int? expected)
    {
        Assert.Equal(expected, SheetCells.WholeNumber(cell, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("六千")]
    [InlineData("5000-7000")]
    [InlineData("6000.5")]
    [InlineData(6000.5d)]
    [InlineData(1e20d)]
    public void Unreadable_numbers_name_what_was_written(object cell)
    {
        Assert.Null(SheetCells.WholeNumber(cell, out var problem));
        Assert.Contains($"「{SheetCells.Text(cell)}」", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("包", true)]
    [InlineData("Y", true)]
    [InlineData("√", true)]
    [InlineData("1", true)]
    [InlineData(1d, true)]
    [InlineData(true, true)]
    [InlineData("否", false)]
    [InlineData("不包", false)]
    [InlineData("n", false)]
    [InlineData("0", false)]
    [InlineData("×", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Yes_and_no_are_read_in_every_usual_form(object? cell, bool expected)
    {
        Assert.Equal(expected, SheetCells.YesNo(cell, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void An_unclear_yes_or_no_is_a_problem()
    {
        SheetCells.YesNo("看情况", out var problem);

        Assert.Contains("「看情况」", problem, StringComparison.Ordinal);
    }

    public static TheoryData<object?> Dates => new()
    {
        new DateTime(2027, 1, 31),
        46418d,
        "2027-01-31",
        "2027/1/31",
        "2027.1.31",
        "2027年1月31日",
        "２０２７年１月３１日",
        "2027-01-31 00:00:00",
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Dates_are_read_from_excel_dates_and_text(object? cell)
    {
        Assert.Equal(new DateOnly(2027, 1, 31), SheetCells.Date(cell, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("下个月")]
    [InlineData("2027-02-30")]
    [InlineData("31/01/2027")]
    public void Unreadable_dates_name_what_was_written(string cell)
    {
        Assert.Null(SheetCells.Date(cell, out var problem));
        Assert.Contains($"「{cell}」", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_reads_numbers_without_a_decimal_point() => Assert.Equal("12345", SheetCells.Text(12345d));

    [Fact]
    public void Text_is_cleaned_of_what_nobody_means_to_type() => Assert.Equal("东莞", SheetCells.Text(" \u202E东\0莞\u200B "));

    public static TheoryData<object?, string?> Times => new()
    {
        { 0.3125d, "07:30" },
        { 6d / 24 + 40d / 1440, "06:40" },
        { new DateTime(1899, 12, 31, 6, 5, 0), "06:05" },
        { "7:30", "07:30" },
        { "07:30:00", "07:30" },
        { "７：３０", "07:30" },
        { "7点30", "07:30" },
        { "7点半", null },
        { "6点", "06:00" },
        { "25:00", null },
        { "早上", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Times_are_read_as_stations_type_them(object? cell, string? expected)
    {
        var time = SheetCells.Time(cell, out var problem);

        Assert.Equal(expected, time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected is null && SheetCells.Text(cell).Length > 0, problem is not null);
    }
}
