using Pingtang.Domain.Calendar;

namespace Pingtang.Domain.Tests.Calendar;

public sealed class WorkingDaysTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private WorkingDays _days = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        _days = await WorkingDays.LoadAsync(db, default);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("2026-01-02", false)] // 元旦, a Friday
    [InlineData("2026-01-04", true)] // 元旦调休, a Sunday
    [InlineData("2026-02-14", true)] // 春节调休, a Saturday
    [InlineData("2026-02-23", false)] // 春节, a Monday
    [InlineData("2026-02-28", true)] // 春节调休, a Saturday
    [InlineData("2026-04-06", false)] // 清明节, a Monday
    [InlineData("2026-05-09", true)] // 劳动节调休, a Saturday
    [InlineData("2026-06-19", false)] // 端午节, a Friday
    [InlineData("2026-09-20", true)] // 国庆节调休, a Sunday
    [InlineData("2026-09-25", false)] // 中秋节, a Friday
    [InlineData("2026-10-08", true)] // after 国庆, a Thursday
    [InlineData("2026-10-10", true)] // 国庆节调休, a Saturday
    [InlineData("2026-10-11", false)] // an ordinary Sunday
    [InlineData("2026-12-02", true)] // an ordinary Wednesday
    public void The_2026_schedule_is_seeded(string date, bool working)
    {
        var answer = _days.IsWorkingDay(DateOnly.Parse(date));

        Assert.Equal(working, answer.Value);
        Assert.True(answer.Confirmed);
    }

    [Fact]
    public void Five_working_days_from_the_Monday_before_National_Day_end_on_the_Saturday_worked_after_it()
    {
        // 9-29, 9-30, then 10-1 to 10-7 off, then 10-8, 10-9 and the 调休 Saturday 10-10.
        var due = _days.Add(new DateOnly(2026, 9, 28), 5);

        Assert.Equal(new DateOnly(2026, 10, 10), due.Value);
        Assert.True(due.Confirmed);
        Assert.Null(due.Warning);
    }

    [Fact]
    public void Spring_Festival_week_counts_only_its_Saturday_worked_before_it()
    {
        // 2-13 (Fri) → 2-14 (Sat, worked), then nine days off, then 2-24 (Tue).
        Assert.Equal(new DateOnly(2026, 2, 24), _days.Add(new DateOnly(2026, 2, 13), 2).Value);
        Assert.Equal(2, _days.Count(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 24)).Value);
        Assert.Equal("春节", _days.FestivalOf(new DateOnly(2026, 2, 14)));
    }

    [Fact]
    public void Counting_undoes_adding_and_runs_backwards_with_a_sign()
    {
        var from = new DateOnly(2026, 9, 15);
        var to = _days.Add(from, 60).Value;

        Assert.Equal(60, _days.Count(from, to).Value);
        Assert.Equal(-60, _days.Count(to, from).Value);
        Assert.Equal(from, _days.Add(from, 0).Value);
    }

    [Fact]
    public void A_year_without_a_schedule_is_counted_Monday_to_Friday_and_said_to_be_unconfirmed()
    {
        // 2027-01-01 is a Friday; nothing says yet whether it is off.
        var due = _days.Add(new DateOnly(2026, 12, 28), 5);

        Assert.Equal(new DateOnly(2027, 1, 4), due.Value);
        Assert.Equal([2027], due.YearsMissing);
        Assert.Equal("2027年节假日安排尚未录入，按周一至周五推算", due.Warning);
        Assert.False(_days.IsWorkingDay(new DateOnly(2027, 2, 6)).Confirmed);
    }

    [Fact]
    public async Task Staff_entering_a_year_makes_its_days_count_and_its_answers_confirmed()
    {
        await using (var db = _database.Open())
        {
            db.Add(CalendarDay.Create(new DateOnly(2027, 1, 1), DayKind.Holiday, "元旦"));
            db.Add(HolidaySchedule.Create(2027, "国务院办公厅关于2027年部分节假日安排的通知"));
            await db.SaveChangesAsync();
        }

        await using var again = _database.Open();
        var days = await WorkingDays.LoadAsync(again, default);

        var due = days.Add(new DateOnly(2026, 12, 28), 5);
        Assert.Equal(new DateOnly(2027, 1, 5), due.Value);
        Assert.True(due.Confirmed);
    }

    [Fact]
    public void A_weekday_cannot_be_made_a_weekend_day_worked()
    {
        var thursday = new DateOnly(2026, 10, 8);

        var refused = Assert.Throws<DomainException>(() => CalendarDay.Create(thursday, DayKind.Workday, "国庆节"));
        var holiday = CalendarDay.Create(thursday, DayKind.Holiday, " 国庆节 ");

        Assert.Contains("不是周六或周日", refused.Message, StringComparison.Ordinal);
        Assert.Equal("国庆节", holiday.Name);
        Assert.Throws<DomainException>(() => holiday.Change(DayKind.Holiday, ""));
    }
}
