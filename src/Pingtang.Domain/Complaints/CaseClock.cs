namespace Pingtang.Domain.Complaints;

/// <summary>Where one of a case's clocks stands.</summary>
public enum ClockStatus
{
    Running,
    Overdue,
    Met,

    /// <summary>Stopped, but after it was due.</summary>
    MetLate,
}

/// <summary>
/// One clock of a case at <see cref="Now"/>: due on <see cref="DueOn"/> (China time) by <see cref="DueAt"/>, stopped at
/// <see cref="StoppedAt"/> once done, and <see cref="YearsMissing"/> the years it reached whose holidays are not entered.
/// </summary>
public sealed record CaseClock(DateOnly DueOn, DateTimeOffset DueAt, DateTimeOffset? StoppedAt, DateTimeOffset Now, IReadOnlyList<int> YearsMissing)
{
    /// <summary>Time left until due, from now or from when it stopped; negative when overdue or met late.</summary>
    public TimeSpan Remaining => DueAt - (StoppedAt ?? Now);

    public ClockStatus Status => (StoppedAt, Remaining >= TimeSpan.Zero) switch
    {
        (null, true) => ClockStatus.Running,
        (null, false) => ClockStatus.Overdue,
        (_, true) => ClockStatus.Met,
        _ => ClockStatus.MetLate,
    };

    /// <summary>Whether the calendar covered every day the due time rests on.</summary>
    public bool Confirmed => YearsMissing.Count == 0;
}

/// <summary>
/// What the worker is told when they file: a first answer by <see cref="FirstResponseBy"/>, and a decision on
/// accepting the complaint by <see cref="DecisionBy"/>. <see cref="OpensAt"/> is when the station next opens if it was
/// closed at filing, so the dialog can say why the answer waits; <see cref="Confirmed"/> is false when a date rests
/// on a year whose holidays are not entered yet, so the dialog can hedge (“预计”).
/// </summary>
public sealed record WorkerPromise(DateTimeOffset FirstResponseBy, DateOnly DecisionBy, DateTimeOffset? OpensAt, bool Confirmed);
