using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Calendar;

/// <summary>How a day departs from the Monday-to-Friday week.</summary>
public enum DayKind
{
    /// <summary>放假: an official holiday, whatever day of the week it falls on.</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday worked in exchange for a holiday.</summary>
    Workday,
}

/// <summary>
/// One day of a State Council holiday schedule that is not an ordinary Monday-to-Friday working day or weekend:
/// a holiday (春节) or a weekend day worked instead (调休上班). Staff keep these when each year's notice is published.
/// </summary>
public sealed class CalendarDay
{
    public const int NameMaxLength = 16;

    private CalendarDay()
    {
    }

    public int Id { get; private set; }

    public DateOnly Date { get; private set; }

    public DayKind Kind { get; private set; }

    /// <summary>The festival it belongs to, as the notice names it: 元旦, 春节, 国庆节.</summary>
    public string Name { get; private set; } = "";

    public static CalendarDay Create(DateOnly date, DayKind kind, string name)
    {
        var day = new CalendarDay { Date = date };
        day.Change(kind, name);
        return day;
    }

    /// <summary>Corrects the day's kind or festival; a broken rule is a <see cref="DomainException"/>.</summary>
    public void Change(DayKind kind, string name)
    {
        if (Problem(Date, kind, name) is { } problem)
        {
            throw new DomainException(problem);
        }

        Kind = kind;
        Name = name.Trim();
    }

    /// <summary>Why staff may not record the day so; null when they may.</summary>
    public static string? Problem(DateOnly date, DayKind kind, string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
        {
            return $"请写明节日名称（1到{NameMaxLength}个字），如：春节";
        }

        // A weekday is a working day already: a 调休 workday on one is a slip that would hide a real holiday.
        return kind == DayKind.Workday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            ? $"{date:yyyy-MM-dd} 不是周六或周日，不能设为调休上班"
            : null;
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasIndex(d => d.Date).IsUnique();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength);
        builder.HasData(HolidaySchedule2026.Days.Select((d, i) => new { Id = i + 1, d.Date, d.Kind, d.Name }));
    }
}
