using Pingtang.Domain.Calendar;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class CaseClocksTests : IAsyncLifetime
{
    private static readonly ServiceTerms Terms = ServiceTerms.Default;

    private TestDatabase _database = null!;

    private WorkingDays _days = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        _days = await WorkingDays.LoadAsync(db, default);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void A_case_filed_on_Friday_evening_is_answered_by_Monday_afternoon()
    {
        var filed = China(2026, 12, 4, 19, 30);

        var clocks = CaseClocks.For(new ClockFacts(filed, Urgent: false), Terms, _days, China(2026, 12, 7, 14, 59));

        // Monday 09:00–12:00 is three business hours, 14:00–15:00 the fourth.
        Assert.Equal(China(2026, 12, 7, 15, 0), clocks.FirstResponse.DueAt);
        Assert.Equal((ClockStatus.Running, TimeSpan.FromMinutes(1)), (clocks.FirstResponse.Status, clocks.FirstResponse.Remaining));
        Assert.Equal(new WorkerPromise(China(2026, 12, 7, 15, 0), new DateOnly(2026, 12, 11), China(2026, 12, 7, 9, 0), Confirmed: true), clocks.Promise);
        Assert.Equal(China(2026, 12, 12, 0, 0), clocks.AcceptanceDecision.DueAt);
        Assert.Null(clocks.Conclusion);
        Assert.Equal(China(2026, 12, 25, 17, 30), clocks.Resolution.DueAt);

        var late = CaseClocks.For(new ClockFacts(filed, Urgent: false), Terms, _days, China(2026, 12, 7, 15, 1));
        Assert.Equal((ClockStatus.Overdue, TimeSpan.FromMinutes(-1)), (late.FirstResponse.Status, late.FirstResponse.Remaining));
    }

    [Fact]
    public void National_Day_stops_the_clocks_and_the_Saturday_worked_after_it_runs_them()
    {
        var filed = China(2026, 9, 30, 16, 0);

        var clocks = CaseClocks.For(new ClockFacts(filed, Urgent: false), Terms, _days, filed);

        // 16:00–17:30 on 9-30, then 10-1 to 10-7 off, then 2.5 hours on Thursday 10-8.
        Assert.Equal(China(2026, 10, 8, 11, 30), clocks.FirstResponse.DueAt);
        Assert.Null(clocks.Promise.OpensAt);

        // 10-8, 10-9, the 调休 Saturday 10-10, then Monday 10-12 and Tuesday 10-13.
        Assert.Equal(new DateOnly(2026, 10, 13), clocks.AcceptanceDecision.DueOn);
        Assert.True(clocks.AcceptanceDecision.Confirmed);
    }

    [Fact]
    public void An_urgent_case_filed_before_lunch_is_answered_early_in_the_afternoon()
    {
        var clocks = CaseClocks.For(new ClockFacts(China(2026, 12, 2, 11, 30), Urgent: true), Terms, _days, China(2026, 12, 2, 11, 30));
        var overLunch = CaseClocks.For(new ClockFacts(China(2026, 12, 2, 12, 30), Urgent: true), Terms, _days, China(2026, 12, 2, 12, 30));

        Assert.Equal(China(2026, 12, 2, 14, 30), clocks.FirstResponse.DueAt);
        Assert.Equal(China(2026, 12, 2, 15, 0), overLunch.FirstResponse.DueAt);
        Assert.Equal(China(2026, 12, 2, 14, 0), overLunch.Promise.OpensAt);
    }

    [Fact]
    public void The_investigation_concludes_60_working_days_after_acceptance_or_90_when_extended()
    {
        var facts = new ClockFacts(China(2026, 5, 29, 10, 0), Urgent: false)
        {
            FirstResponseAt = China(2026, 5, 29, 10, 20),
            DecidedAt = China(2026, 6, 1, 9, 30),
            AcceptedAt = China(2026, 6, 1, 9, 30),
        };

        var clocks = CaseClocks.For(facts, Terms, _days, China(2026, 7, 1, 9, 0));
        var extended = CaseClocks.For(facts with { Extended = true }, Terms, _days, China(2026, 7, 1, 9, 0));

        // June less 端午 (6-19) leaves 20 working days after 6-1, July 23, then 17 in August.
        Assert.Equal(new DateOnly(2026, 8, 25), clocks.Conclusion!.DueOn);
        Assert.Equal(ClockStatus.Running, clocks.Conclusion.Status);
        Assert.Equal(ClockStatus.Met, clocks.FirstResponse.Status);
        Assert.Equal(ClockStatus.Met, clocks.AcceptanceDecision.Status);
        Assert.Equal(ClockStatus.Overdue, clocks.Resolution.Status);
        Assert.Equal(_days.Add(new DateOnly(2026, 6, 1), 90).Value, extended.Conclusion!.DueOn);
    }

    [Fact]
    public void A_clock_reaching_a_year_without_a_schedule_says_so()
    {
        var facts = new ClockFacts(China(2026, 12, 1, 10, 0), Urgent: false) { AcceptedAt = China(2026, 12, 3, 10, 0) };

        var clocks = CaseClocks.For(facts, Terms, _days, China(2026, 12, 3, 10, 0));

        Assert.False(clocks.Conclusion!.Confirmed);
        Assert.True(clocks.AcceptanceDecision.Confirmed);
        Assert.True(clocks.Promise.Confirmed);
        Assert.Equal([2027], clocks.YearsMissing);
        Assert.Equal("2027年节假日安排尚未录入，按周一至周五推算", clocks.Warning);
    }

    [Fact]
    public void A_case_filed_late_in_December_tells_the_worker_its_dates_are_not_yet_certain()
    {
        var clocks = CaseClocks.For(new ClockFacts(China(2026, 12, 30, 17, 0), Urgent: false), Terms, _days, China(2026, 12, 30, 17, 0));

        Assert.False(clocks.Promise.Confirmed);
        Assert.Equal(new DateOnly(2027, 1, 6), clocks.Promise.DecisionBy);
    }

    [Fact]
    public void Broken_terms_are_refused()
    {
        var hours = StationServiceHours.Create(2, Terms);

        Assert.Throws<DomainException>(() => hours.Change(Terms with { UrgentFirstResponseMinutes = 300 }));
        Assert.Throws<DomainException>(() => hours.Change(Terms with { AfternoonOpens = new TimeOnly(11, 0) }));
        Assert.Throws<DomainException>(() => hours.Change(Terms with { ResolutionWorkingDays = 61 }));
        Assert.Equal(Terms, hours.Terms);
    }

    internal static DateTimeOffset China(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
