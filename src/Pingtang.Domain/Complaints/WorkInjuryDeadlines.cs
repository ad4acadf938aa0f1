namespace Pingtang.Domain.Complaints;

/// <summary>
/// When a work-injury recognition (工伤认定) must be applied for, from the day of the injury. 《工伤保险条例》第十七条:
/// the employer within 30 days of the accident; when it has not, the injured worker or their close relatives (or the
/// trade union) directly, within 1 year of it.
/// </summary>
public sealed record WorkInjuryDeadlines(DateOnly InjuredOn, DateOnly EmployerDueBy, DateOnly WorkerDueBy)
{
    public const int EmployerDays = 30;

    public static WorkInjuryDeadlines For(DateOnly injuredOn) =>
        new(injuredOn, injuredOn.AddDays(EmployerDays), injuredOn.AddYears(1));

    /// <summary>Whether the employer may still apply on <paramref name="today"/>: the worker should ask it to.</summary>
    public bool EmployerMayStillApply(DateOnly today) => today <= EmployerDueBy;

    /// <summary>Whether the worker's own year is still open on <paramref name="today"/>.</summary>
    public bool WorkerMayStillApply(DateOnly today) => today <= WorkerDueBy;

    /// <summary>Days left of the worker's own year on <paramref name="today"/>; 0 on the last day, negative after it.</summary>
    public int WorkerDaysLeft(DateOnly today) => WorkerDueBy.DayNumber - today.DayNumber;
}
