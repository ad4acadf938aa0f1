using Pingtang.Domain.Complaints;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class WorkInjuryDeadlinesTests
{
    [Fact]
    public void The_employer_has_30_days_and_the_worker_a_year_from_the_injury()
    {
        var deadlines = WorkInjuryDeadlines.For(new DateOnly(2026, 11, 3));

        Assert.Equal(new DateOnly(2026, 12, 3), deadlines.EmployerDueBy);
        Assert.Equal(new DateOnly(2027, 11, 3), deadlines.WorkerDueBy);
        Assert.True(deadlines.EmployerMayStillApply(new DateOnly(2026, 12, 3)));
        Assert.False(deadlines.EmployerMayStillApply(new DateOnly(2026, 12, 4)));
        Assert.True(deadlines.WorkerMayStillApply(new DateOnly(2027, 11, 3)));
        Assert.False(deadlines.WorkerMayStillApply(new DateOnly(2027, 11, 4)));
        Assert.Equal(335, deadlines.WorkerDaysLeft(new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void An_injury_on_29_February_gives_the_worker_until_28_February()
    {
        Assert.Equal(new DateOnly(2029, 2, 28), WorkInjuryDeadlines.For(new DateOnly(2028, 2, 29)).WorkerDueBy);
    }
}
