using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Calendar;

/// <summary>
/// Working days in China: Monday to Friday, less the official holidays, plus the weekend days worked instead (调休),
/// as staff entered them. A snapshot of the table: load one per request or job, it is a few dozen rows a year.
/// </summary>
public sealed class WorkingDays
{
    /// <summary>Further than any legal clock reaches (60 + 30 working days), so a slip cannot loop for ever.</summary>
    public const int MaxSpan = 1000;

    private readonly Dictionary<DateOnly, CalendarDay> _days;

    private readonly HashSet<int> _years;

    public WorkingDays(IEnumerable<CalendarDay> days, IEnumerable<int> yearsGiven)
    {
        _days = days.ToDictionary(d => d.Date);
        _years = [.. yearsGiven];
    }

    /// <summary>The years whose schedule has been entered.</summary>
    public IReadOnlySet<int> YearsGiven => _years;

    public static async Task<WorkingDays> LoadAsync(PingtangDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = await db.Set<CalendarDay>().AsNoTracking().ToListAsync(cancellationToken);
        var years = await db.Set<HolidaySchedule>().AsNoTracking().Select(s => s.Year).ToListAsync(cancellationToken);
        return new WorkingDays(days, years);
    }

    public CalendarAnswer<bool> IsWorkingDay(DateOnly date)
    {
        var missing = new SortedSet<int>();
        return new(Works(date, missing), [.. missing]);
    }

    /// <summary>The festival <paramref name="date"/> belongs to (放假 or 调休上班), or null for an ordinary day.</summary>
    public string? FestivalOf(DateOnly date) => _days.GetValueOrDefault(date)?.Name;

    /// <summary>
    /// The <paramref name="count"/>th working day after <paramref name="from"/>, which itself is not counted (a period
    /// in days starts the next day); <paramref name="from"/> itself for 0.
    /// </summary>
    public CalendarAnswer<DateOnly> Add(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxSpan);
        var missing = new SortedSet<int>();
        var date = from;
        for (var counted = 0; counted < count;)
        {
            date = date.AddDays(1);
            if (Works(date, missing))
            {
                counted++;
            }
        }

        return new(date, [.. missing]);
    }

    /// <summary>How many working days come after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public CalendarAnswer<int> Count(DateOnly from, DateOnly to)
    {
        var (first, last, sign) = to >= from ? (from, to, 1) : (to, from, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(last.DayNumber - first.DayNumber, MaxSpan * 2, nameof(to));
        var missing = new SortedSet<int>();
        var count = 0;
        for (var date = first.AddDays(1); date <= last; date = date.AddDays(1))
        {
            count += Works(date, missing) ? 1 : 0;
        }

        return new(sign * count, [.. missing]);
    }

    /// <summary>Whether <paramref name="date"/> is worked, noting its year in <paramref name="missing"/> when no schedule covers it.</summary>
    internal bool Works(DateOnly date, ISet<int> missing)
    {
        if (!_years.Contains(date.Year))
        {
            missing.Add(date.Year);
        }

        return _days.TryGetValue(date, out var day)
            ? day.Kind == DayKind.Workday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }
}
