using System.Text.RegularExpressions;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// Reads what a worker types when they just say what they want — 东莞 电工 6000以上, 白云区 普工 包吃住, 采摘,
/// 200一天 — into a <see cref="JobQuery"/>: place names at any level, trade words and their synonyms, pay phrases
/// and 包吃/包住. What is left, less filler words, must appear in the posting's text.
/// </summary>
public static partial class JobQueryReader
{
    /// <summary>The longest message read as a search; anything longer is a story, not a query.</summary>
    public const int MaxLength = 60;

    // Ways to say "here in the county" and "in this province" that are not place names.
    private static readonly (string Word, string District)[] LocalWords = [("县内", Places.Pingtang), ("本县", Places.Pingtang), ("县里", Places.Pingtang), ("家门口", Places.Pingtang), ("本地", Places.Pingtang)];
    private static readonly string[] HomeProvinceWords = ["省内", "本省"];

    private static readonly string[] Fillers =
    [
        "我想找", "我要找", "帮我找", "有没有", "有吗", "想找", "请问", "招聘", "工作", "岗位", "上班", "附近", "哪里",
        "的活", "打工", "我想", "我要", "找", "招", "的", "在", "去", "做", "干", "要", "想", "和", "或", "活", "元", "块",
    ];

    /// <summary>
    /// The query a message asks for, or null when nothing in it reads as a search. With
    /// <paramref name="requireClearIntent"/> (at the main menu, where a message could be about anything) a place,
    /// trade, pay or 包吃住 must be named; leftover words alone are not enough.
    /// </summary>
    public static JobQuery? Read(string normalizedText, bool requireClearIntent)
    {
        if (string.IsNullOrWhiteSpace(normalizedText) || normalizedText.Length > MaxLength)
        {
            return null;
        }

        var rest = normalizedText;
        var query = new JobQuery();
        query = ReadMealsAndHousing(ref rest, query);
        query = ReadPay(ref rest, query);
        query = ReadPlaces(ref rest, query);
        if (TradeSynonyms.Words.FirstOrDefault(w => rest.Contains(w.Word, StringComparison.Ordinal)) is { Word: not null } trade)
        {
            query = query with { TradeGroup = trade.Group };
            rest = Cut(rest, trade.Word);
        }

        var clear = !query.Equals(JobQuery.Anything);
        var keywords = Keywords(rest);
        if (requireClearIntent && !clear)
        {
            return null;
        }

        return clear || keywords.Count > 0 ? query with { Keywords = keywords } : null;
    }

    /// <summary>A pay phrase alone (6000, 六千, 6千以上, 200一天) as the lowest monthly pay; null when there is none.</summary>
    public static int? ReadPay(string normalizedText)
    {
        var rest = normalizedText;
        return ReadPay(ref rest, JobQuery.Anything).MinMonthlyPay;
    }

    private static JobQuery ReadMealsAndHousing(ref string rest, JobQuery query)
    {
        foreach (var both in (string[])["包吃包住", "包吃住", "包食宿", "吃住全包", "管吃管住", "管吃住"])
        {
            if (rest.Contains(both, StringComparison.Ordinal))
            {
                rest = Cut(rest, both);
                return query with { NeedsMeals = true, NeedsHousing = true };
            }
        }

        if (rest.Contains("包吃", StringComparison.Ordinal) || rest.Contains("管吃", StringComparison.Ordinal))
        {
            query = query with { NeedsMeals = true };
            rest = Cut(Cut(rest, "包吃"), "管吃");
        }

        if (rest.Contains("包住", StringComparison.Ordinal) || rest.Contains("管住", StringComparison.Ordinal))
        {
            query = query with { NeedsHousing = true };
            rest = Cut(Cut(rest, "包住"), "管住");
        }

        return query;
    }

    private static JobQuery ReadPay(ref string rest, JobQuery query)
    {
        foreach (Match match in PayPattern().Matches(rest))
        {
            if (!ChineseNumber.TryParse(match.Groups["amount"].Value, out var amount))
            {
                continue;
            }

            var daily = match.Groups["perDay"].Success || match.Groups["dayFirst"].Success
                || (!match.Groups["perMonth"].Success && amount < 1000);
            var monthly = daily ? amount * JobPosting.WorkDaysPerMonth : amount;
            if (amount < 50 || monthly > JobPostingDraft.HighestMonthlyPay)
            {
                continue;
            }

            rest = Cut(rest, match.Value);
            return query with { MinMonthlyPay = (int)monthly };
        }

        return query;
    }

    private static JobQuery ReadPlaces(ref string rest, JobQuery query)
    {
        foreach (var (word, district) in LocalWords)
        {
            if (rest.Contains(word, StringComparison.Ordinal))
            {
                rest = Cut(rest, word);
                query = query with { District = district };
            }
        }

        foreach (var word in HomeProvinceWords)
        {
            if (rest.Contains(word, StringComparison.Ordinal))
            {
                rest = Cut(rest, word);
                query = query with { Province = Places.Guizhou };
            }
        }

        foreach (var place in Places.Names)
        {
            if (!rest.Contains(place.Written, StringComparison.Ordinal))
            {
                continue;
            }

            rest = Cut(rest, place.Written);
            query = place.Level switch
            {
                PlaceLevel.Province => query with { Province = query.Province ?? place.LongName },
                PlaceLevel.City => query with { City = query.City ?? place.LongName },
                _ => query with { District = query.District ?? place.LongName },
            };
        }

        return query;
    }

    private static List<string> Keywords(string rest)
    {
        foreach (var filler in Fillers)
        {
            rest = rest.Replace(filler, " ", StringComparison.Ordinal);
        }

        return WordBreaks().Split(rest)
            .Where(word => word.Length >= 2 && !word.All(char.IsAsciiDigit))
            .Distinct()
            .Take(3)
            .ToList();
    }

    private static string Cut(string text, string part) => text.Replace(part, " ", StringComparison.Ordinal);

    // An amount with what makes it pay: 月薪/日薪/一天 before, 元/块, per day or month, 以上/起 after.
    // A Chinese-numeral amount needs a unit (六千, 两百) so that 一 in ordinary words is not read as money;
    // in 两百一天 the 一 belongs to 一天.
    [GeneratedRegex(@"(?:(?<dayFirst>日薪|一天|每天|天)|月薪|工资|每月|一个月)?(?<amount>\d+(?:\.\d+)?\s*(?:[万千kKwW]\d?)?|[一二两三四五六七八九十]+[百千万](?:[一二三四五六七八九](?![天日个]))?)\s*(?:元|块钱?)?\s*(?:(?<perDay>/天|/日|一天|每天|每日|天|日)|(?<perMonth>/月|一个月|每月|个月|月))?\s*(?:以上|起|往上|多|左右)?")]
    private static partial Regex PayPattern();

    [GeneratedRegex(@"[\s,，、/;；.。!！?？]+")]
    private static partial Regex WordBreaks();
}
