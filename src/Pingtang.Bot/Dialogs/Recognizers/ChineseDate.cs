namespace Pingtang.Bot.Dialogs.Recognizers;

/// <summary>
/// Reads a date as workers type it — 明天, 下周一, 周三, 2月15日, 2.15, 2026-02-15, 15号 — relative to today
/// in China; a month and day without a year mean the next time that day comes round.
/// </summary>
public static class ChineseDate
{
    private const int MaxLength = 32;

    // The week offset: 1 = the week after this one, 0 = this week, -1 = the next such day (today included).
    private static readonly (string Prefix, int Week)[] WeekdayPrefixes =
    [
        ("下个星期", 1), ("下个礼拜", 1), ("下星期", 1), ("下礼拜", 1), ("下周", 1),
        ("这个星期", 0), ("这个礼拜", 0), ("这星期", 0), ("这礼拜", 0), ("本星期", 0), ("这周", 0), ("本周", 0),
        ("星期", -1), ("礼拜", -1), ("周", -1),
    ];

    /// <summary>
    /// True when the answer names one real calendar day; <paramref name="today"/> is the current date in
    /// Asia/Shanghai. Impossible dates ("2月30日") and days already past this week ("这周一" on a Wednesday) are rejected.
    /// </summary>
    public static bool TryParse(string? text, DateOnly today, out DateOnly date)
    {
        date = default;
        string normalized = TextNormalizer.Normalize(text);
        if (normalized.Length is 0 or > MaxLength)
        {
            return false;
        }

        // Spaces carry no meaning in a date ("2月 15日", "2026 - 2 - 15").
        Span<char> buffer = stackalloc char[MaxLength];
        int length = 0;
        foreach (char c in normalized)
        {
            if (c != ' ')
            {
                buffer[length++] = c;
            }
        }

        ReadOnlySpan<char> compact = buffer[..length];
        return TryRelativeDay(compact, today, out date)
            || TryWeekday(compact, today, out date)
            || TryCalendarDate(compact, today, out date)
            || TryDayOfMonth(compact, today, out date);
    }

    private static bool TryRelativeDay(ReadOnlySpan<char> text, DateOnly today, out DateOnly date)
    {
        int? offset = text switch
        {
            "今天" or "今日" => 0,
            "明天" or "明日" => 1,
            "后天" or "後天" => 2,
            "大后天" or "大後天" => 3,
            _ => null,
        };
        date = offset is int days ? today.AddDays(days) : default;
        return offset is not null;
    }

    private static bool TryWeekday(ReadOnlySpan<char> text, DateOnly today, out DateOnly date)
    {
        date = default;
        foreach ((string prefix, int week) in WeekdayPrefixes)
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            // Monday = 0 … Sunday = 6: weeks start on Monday in China.
            int target = text[prefix.Length..] switch
            {
                "一" or "1" => 0,
                "二" or "2" => 1,
                "三" or "3" => 2,
                "四" or "4" => 3,
                "五" or "5" => 4,
                "六" or "6" => 5,
                "日" or "天" or "七" or "7" => 6,
                _ => -1,
            };
            if (target < 0)
            {
                return false;
            }

            int current = ((int)today.DayOfWeek + 6) % 7;
            int days = week switch
            {
                1 => 7 - current + target,
                0 => target - current,
                _ => (target - current + 7) % 7,
            };
            if (days < 0)
            {
                return false;
            }

            date = today.AddDays(days);
            return true;
        }

        return false;
    }

    private static bool TryCalendarDate(ReadOnlySpan<char> text, DateOnly today, out DateOnly date)
    {
        date = default;
        ReadOnlySpan<char> yearPart = default;
        ReadOnlySpan<char> monthPart;
        ReadOnlySpan<char> dayPart;

        int yearMark = text.IndexOf('年');
        int monthMark = text.IndexOf('月');
        if (monthMark >= 0)
        {
            if (yearMark >= 0)
            {
                if (yearMark > monthMark)
                {
                    return false;
                }

                yearPart = text[..yearMark];
                monthPart = text[(yearMark + 1)..monthMark];
            }
            else
            {
                monthPart = text[..monthMark];
            }

            dayPart = text[(monthMark + 1)..];
            if (dayPart.Length > 1 && dayPart[^1] is '日' or '号' or '號')
            {
                dayPart = dayPart[..^1];
            }
        }
        else
        {
            // 2.15, 2-15, 2/15, 2026-02-15, 2026/2/15: the same separator throughout.
            int first = text.IndexOfAny("-/.");
            if (first <= 0 || yearMark >= 0)
            {
                return false;
            }

            char separator = text[first];
            ReadOnlySpan<char> rest = text[(first + 1)..];
            int second = rest.IndexOf(separator);
            if (second < 0)
            {
                monthPart = text[..first];
                dayPart = rest;
            }
            else
            {
                yearPart = text[..first];
                monthPart = rest[..second];
                dayPart = rest[(second + 1)..];
                if (yearPart.IsEmpty)
                {
                    return false;
                }
            }
        }

        if (!ChineseNumber.TryParseIntegerCore(monthPart, out int month)
            || !ChineseNumber.TryParseIntegerCore(dayPart, out int day))
        {
            return false;
        }

        int year;
        if (yearPart.IsEmpty)
        {
            // No year: the next time this day comes round, today included.
            year = (month, day).CompareTo((today.Month, today.Day)) < 0 ? today.Year + 1 : today.Year;
        }
        else if (yearPart.Length != 4 || !ChineseNumber.TryParseIntegerCore(yearPart, out year))
        {
            return false;
        }

        return TryCreate(year, month, day, out date);
    }

    private static bool TryDayOfMonth(ReadOnlySpan<char> text, DateOnly today, out DateOnly date)
    {
        date = default;
        if (text.Length < 2 || text[^1] is not ('号' or '號' or '日')
            || !ChineseNumber.TryParseIntegerCore(text[..^1], out int day))
        {
            return false;
        }

        // This month, or next month when the day has passed; a day the month lacks is rejected, not moved.
        DateOnly month = new(today.Year, today.Month, 1);
        if (day < today.Day)
        {
            month = month.AddMonths(1);
        }

        return TryCreate(month.Year, month.Month, day, out date);
    }

    private static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
