using Pingtang.Domain.Complaints;

namespace Pingtang.Bot.Complaints;

/// <summary>A case's clock as the console shows it: due when, time left, or late.</summary>
public static class CaseClockText
{
    public static string ClassOf(CaseClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.Status switch
        {
            ClockStatus.Overdue or ClockStatus.MetLate => "late",
            ClockStatus.Met => "met",
            _ => clock.Remaining < TimeSpan.FromHours(4) ? "soon" : "",
        };
    }

    public static string Of(CaseClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        // Without a year's holidays entered the date is counted on weekdays alone: an estimate, and it says so.
        var due = $"{(clock.Confirmed ? "" : "约")}{Pingtang.Domain.ChinaTime.Text(clock.DueAt, "M月d日 HH:mm")}";
        return clock.Status switch
        {
            ClockStatus.Met => "已按时",
            ClockStatus.MetLate => "已完成（超时）",
            ClockStatus.Overdue => $"已超时（应在{due}前）",
            _ => $"{due}前（剩{Left(clock.Remaining)}）",
        };
    }

    private static string Left(TimeSpan left) =>
        left.TotalHours < 1 ? $"{Math.Max(1, (int)left.TotalMinutes)}分钟" : left.TotalDays < 2 ? $"{(int)left.TotalHours}小时" : $"{(int)left.TotalDays}天";
}
