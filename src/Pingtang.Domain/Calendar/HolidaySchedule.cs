using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Calendar;

/// <summary>
/// A year whose holiday schedule has been entered from the State Council's notice. A date in a year without one is
/// counted Monday to Friday and said to be unconfirmed, never silently taken as certain.
/// </summary>
public sealed class HolidaySchedule
{
    public const int NoticeMaxLength = 64;

    private HolidaySchedule()
    {
    }

    public int Year { get; private set; }

    /// <summary>The notice the days were taken from: 国务院办公厅关于2026年部分节假日安排的通知.</summary>
    public string Notice { get; private set; } = "";

    /// <summary>Records that every day of <paramref name="year"/>'s notice has been entered.</summary>
    public static HolidaySchedule Create(int year, string notice)
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainException($"{year} 不是可录入的年份");
        }

        if (string.IsNullOrWhiteSpace(notice) || notice.Trim().Length > NoticeMaxLength)
        {
            throw new DomainException($"请写明依据的通知名称（1到{NoticeMaxLength}个字）");
        }

        return new HolidaySchedule { Year = year, Notice = notice.Trim() };
    }
}

internal sealed class HolidayScheduleConfiguration : IEntityTypeConfiguration<HolidaySchedule>
{
    public void Configure(EntityTypeBuilder<HolidaySchedule> builder)
    {
        builder.HasKey(s => s.Year);
        builder.Property(s => s.Year).ValueGeneratedNever();
        builder.Property(s => s.Notice).HasMaxLength(HolidaySchedule.NoticeMaxLength);
        builder.HasData(new { Year = 2026, Notice = HolidaySchedule2026.Notice });
    }
}
