using Pingtang.Domain.Calendar;

namespace Pingtang.Domain.Stations;

/// <summary>
/// A station's promise: its business hours on working days in China time, a morning and an afternoon session (the
/// afternoon may start when the morning ends for a station without a lunch break), how soon a new case gets a first
/// answer in business time (sooner when urgent), and in how many working days the station means to resolve it.
/// </summary>
public sealed record ServiceTerms(
    TimeOnly MorningOpens,
    TimeOnly MorningCloses,
    TimeOnly AfternoonOpens,
    TimeOnly AfternoonCloses,
    int FirstResponseMinutes,
    int UrgentFirstResponseMinutes,
    int ResolutionWorkingDays)
{
    /// <summary>Beyond the legal 60 working days a station's own target would promise nothing.</summary>
    public const int MaxResolutionWorkingDays = 60;

    /// <summary>A working week of business time: a first answer later than that is no first answer.</summary>
    public const int MaxFirstResponseMinutes = 5 * 8 * 60;

    /// <summary>09:00–12:00 and 14:00–17:30; a first answer within 4 business hours, 1 when urgent; resolved within 15 working days.</summary>
    public static ServiceTerms Default { get; } = new(new(9, 0), new(12, 0), new(14, 0), new(17, 30), 4 * 60, 60, 15);

    /// <summary>The first rule the terms break, in words staff can read; null when they break none.</summary>
    public string? Problem()
    {
        if (!(MorningOpens < MorningCloses && MorningCloses <= AfternoonOpens && AfternoonOpens < AfternoonCloses))
        {
            return "办公时间应为：上午开始早于上午结束，上午结束不晚于下午开始，下午开始早于下午结束";
        }

        if (FirstResponseMinutes is < 1 or > MaxFirstResponseMinutes || UrgentFirstResponseMinutes < 1 || UrgentFirstResponseMinutes > FirstResponseMinutes)
        {
            return $"首次响应时限应为1到{MaxFirstResponseMinutes}分钟，紧急案件的时限不能长于普通案件";
        }

        return ResolutionWorkingDays is < 1 or > MaxResolutionWorkingDays ? $"办结时限应为1到{MaxResolutionWorkingDays}个工作日" : null;
    }

    /// <summary>The instant <paramref name="minutes"/> of business time after <paramref name="start"/>, counted only in open sessions of working days.</summary>
    internal DateTimeOffset AddBusinessTime(DateTimeOffset start, int minutes, WorkingDays days, ISet<int> missing)
    {
        var left = TimeSpan.FromMinutes(minutes);
        var from = TimeZoneInfo.ConvertTime(start, ChinaTime.Zone).DateTime;
        for (var date = DateOnly.FromDateTime(from); ; date = date.AddDays(1))
        {
            if (date.DayNumber - DateOnly.FromDateTime(from).DayNumber > WorkingDays.MaxSpan)
            {
                throw new InvalidOperationException("no business hours within reach: the calendar has no working days");
            }

            if (!days.Works(date, missing))
            {
                continue;
            }

            foreach (var (opens, closes) in Sessions(date))
            {
                var begin = opens > from ? opens : from;
                if (begin >= closes)
                {
                    continue;
                }

                if (left <= closes - begin)
                {
                    return InChina(begin + left);
                }

                left -= closes - begin;
            }
        }
    }

    /// <summary>When the station next opens after <paramref name="at"/>; null when it is open then.</summary>
    internal DateTimeOffset? NextOpening(DateTimeOffset at, WorkingDays days, ISet<int> missing)
    {
        // Zero business time from a moment out of hours lands on the next opening; from a moment in hours, on itself.
        var opening = AddBusinessTime(at, 0, days, missing);
        return opening == at ? null : opening;
    }

    private IEnumerable<(DateTime Opens, DateTime Closes)> Sessions(DateOnly date)
    {
        yield return (date.ToDateTime(MorningOpens), date.ToDateTime(MorningCloses));
        yield return (date.ToDateTime(AfternoonOpens), date.ToDateTime(AfternoonCloses));
    }

    private static DateTimeOffset InChina(DateTime local) => new(local, ChinaTime.Zone.GetUtcOffset(local));
}
