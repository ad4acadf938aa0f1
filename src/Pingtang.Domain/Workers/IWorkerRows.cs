namespace Pingtang.Domain.Workers;

/// <summary>Two workers found to be one person: <see cref="From"/>'s rows go to <see cref="Into"/>, who stays.</summary>
public sealed record WorkerMerge(int From, int Into, DateTimeOffset At)
{
    /// <summary>
    /// Of <paramref name="places"/> — the two workers' live places (enrolments, bookings), <paramref name="of"/> what
    /// each is for — those to give up where both have one for the same thing: a place that holds seats beats a
    /// waiting one, and otherwise the survivor's is kept.
    /// </summary>
    public IReadOnlyList<T> Doubled<T>(IEnumerable<T> places, Func<T, int> of, Func<T, int> workerId, Func<T, bool> holdsSeats) =>
        [.. places.GroupBy(of).SelectMany(same => same.OrderBy(p => holdsSeats(p) ? 0 : 1).ThenBy(p => workerId(p) == Into ? 0 : 1).Skip(1))];
}

/// <summary>
/// The rows of one feature that name a worker, moved when two workers are found to be one person
/// (<see cref="WorkerLinks"/>). Each feature that keeps rows by worker registers one for its own tables, so Workers
/// names no feature; a merge that finds a row still naming the worker merged away is not saved, so a table whose
/// feature registers nothing cannot leave a person's rows behind.
/// </summary>
public interface IWorkerRows
{
    /// <summary>
    /// Moves the rows of <see cref="WorkerMerge.From"/> to <see cref="WorkerMerge.Into"/>, on the merge's unit of work
    /// and inside its transaction. Where both have a row a unique index allows only one of (both enrolled in the same
    /// session), the feature keeps one and ends or drops the other as its own rules say.
    /// </summary>
    Task MoveAsync(WorkerMerge merge, CancellationToken cancellationToken);
}
