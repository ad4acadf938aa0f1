namespace Pingtang.Domain.Calendar;

/// <summary>
/// An answer from <see cref="WorkingDays"/>, with the years it reached whose holiday schedule has not been entered:
/// for those it counted Monday to Friday, which the next State Council notice may well contradict.
/// </summary>
public sealed record CalendarAnswer<T>(T Value, IReadOnlyList<int> YearsMissing)
{
    /// <summary>Whether every day the answer rests on is covered by an entered schedule.</summary>
    public bool Confirmed => YearsMissing.Count == 0;

    /// <summary>What to tell staff when it is not: 2027年节假日安排尚未录入，按周一至周五推算.</summary>
    public string? Warning => Confirmed ? null : $"{string.Join("、", YearsMissing)}年节假日安排尚未录入，按周一至周五推算";
}
