using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Domain;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// The day of an injury: a day gone by, so 昨天, 前天, 3天前 are understood, and a month and day without a year
/// (11月20日, which <see cref="ChineseDate"/> reads as the next time it comes round) mean the last time it came.
/// </summary>
public sealed class InjuryDatePrompt(string id, TimeProvider time) : Prompt<DateOnly>(id)
{
    private static readonly (string Word, int DaysAgo)[] DaysBack = [("今天", 0), ("今日", 0), ("昨天", 1), ("昨日", 1), ("前天", 2), ("大前天", 3)];

    protected override Recognition<DateOnly> Recognize(DialogContext dc, PromptOptions options)
    {
        var today = ChinaTime.Today(time);
        if (Read(dc.Text, today) is not { } date)
        {
            return Recognition<DateOnly>.Reject(DialogTexts.NeedDate);
        }

        return date <= today ? Recognition<DateOnly>.Accept(date) : Recognition<DateOnly>.Reject(ComplaintTexts.InjuryInFuture);
    }

    /// <summary>The day <paramref name="text"/> names, looking back from <paramref name="today"/>; null when it names none.</summary>
    public static DateOnly? Read(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bare = text.Replace("受伤", "", StringComparison.Ordinal).Replace("那天", "", StringComparison.Ordinal).Trim();
        if (DaysBack.FirstOrDefault(d => d.Word == bare) is { Word: not null } back)
        {
            return today.AddDays(-back.DaysAgo);
        }

        if (bare.EndsWith("天前", StringComparison.Ordinal) && ChineseNumber.TryParseInteger(bare[..^1], out var days) && days is >= 0 and <= 3660)
        {
            return today.AddDays(-days);
        }

        if (!ChineseDate.TryParse(bare, today, out var date))
        {
            return null;
        }

        // ChineseDate looks forward; a date the worker gave without a year that lies ahead was the last one.
        var hasYear = bare.Contains('年', StringComparison.Ordinal) || bare.Count(char.IsAsciiDigit) >= 6;
        var hasMonth = bare.Contains('月', StringComparison.Ordinal) || bare.IndexOfAny(['.', '/', '-']) >= 0;
        return date <= today || hasYear ? date
            : hasMonth ? date.AddYears(-1)
            : bare.EndsWith('号') || bare.EndsWith('日') ? date.AddMonths(-1)
            : date;
    }
}
