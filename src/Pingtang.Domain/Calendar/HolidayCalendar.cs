using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Calendar;

/// <summary>The holiday table as staff keep it, each year from the State Council's notice when it is published.</summary>
public sealed class HolidayCalendar(PingtangDb db)
{
    /// <summary>The years whose whole schedule has been entered, the latest first.</summary>
    public async Task<IReadOnlyList<HolidaySchedule>> YearsAsync(CancellationToken cancellationToken) =>
        await db.HolidaySchedules.AsNoTracking().OrderByDescending(s => s.Year).ToListAsync(cancellationToken);

    /// <summary>The days of <paramref name="year"/> that differ from the Monday-to-Friday week, in order.</summary>
    public async Task<IReadOnlyList<CalendarDay>> DaysAsync(int year, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }

    /// <summary>Records a holiday or a 调休 workday, or corrects the day already recorded; a broken rule is a <see cref="DomainException"/>.</summary>
    public async Task SetDayAsync(DateOnly date, DayKind kind, string? name, CancellationToken cancellationToken)
    {
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (day is null)
        {
            db.Add(CalendarDay.Create(date, kind, name ?? ""));
        }
        else
        {
            day.Change(kind, name ?? "");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Makes <paramref name="date"/> an ordinary day again. False when it was one.</summary>
    public async Task<bool> RemoveDayAsync(DateOnly date, CancellationToken cancellationToken) =>
        await db.CalendarDays.Where(d => d.Date == date).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Says every day of <paramref name="year"/>'s notice has been entered: from now its dates are certain, no longer
    /// estimates. Naming the notice again corrects it.
    /// </summary>
    public async Task ConfirmYearAsync(int year, string? notice, CancellationToken cancellationToken)
    {
        var schedule = HolidaySchedule.Create(year, notice ?? "");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.HolidaySchedules.Where(s => s.Year == year).ExecuteDeleteAsync(cancellationToken);
        db.Add(schedule);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
