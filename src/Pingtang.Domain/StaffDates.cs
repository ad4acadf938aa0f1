using System.Globalization;

namespace Pingtang.Domain;

/// <summary>
/// The dates staff may give a training session or a posting's closing day: from 2000 to two years after today, and a
/// session ends within a year of its start. Anything else — 0001-01-01, 9999-12-31 — is a slip of the keyboard or a
/// probe, which workers would otherwise be offered as if it were real. The staff form and the imports both check here.
/// </summary>
public static class StaffDates
{
    /// <summary>How many years after today a date may be.</summary>
    public const int YearsAhead = 2;

    /// <summary>{0} the date, {1} the earliest, {2} the latest.</summary>
    public const string OutOfRange = "{0:yyyy-MM-dd} 不在可填的范围内，应在 {1:yyyy-MM-dd} 到 {2:yyyy-MM-dd}（今天起两年内）之间";

    public const string SessionTooLong = "结业日期应在开班日期后一年以内";

    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static DateOnly Latest(DateOnly today) => today.AddYears(YearsAhead);

    /// <summary>Why staff may not give <paramref name="date"/> on <paramref name="today"/> (China time); null when they may.</summary>
    public static string? Problem(DateOnly date, DateOnly today) =>
        date < Earliest || date > Latest(today) ? string.Format(CultureInfo.InvariantCulture, OutOfRange, date, Earliest, Latest(today)) : null;

    /// <summary>Whether a session starting on <paramref name="startsOn"/> may end on <paramref name="endsOn"/>, a year later at most.</summary>
    public static bool EndsWithinAYear(DateOnly startsOn, DateOnly endsOn) => endsOn <= startsOn.AddYears(1);
}
