using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Profile;

/// <summary>A year of birth as people say it: 1978, 1978年, 78年, 一九七八, 七八年.</summary>
public sealed class BirthYearPrompt(string id, TimeProvider time) : Prompt<int>(id)
{
    protected override Recognition<int> Recognize(DialogContext dc, PromptOptions options)
    {
        var now = ChinaTime.Now(time);
        if (Read(dc.Text, now.Year) is not { } year)
        {
            return Recognition<int>.Reject(ProfileTexts.NeedYear);
        }

        return WorkerProfile.IsPlausibleBirthYear(year, now)
            ? Recognition<int>.Accept(year)
            : Recognition<int>.Reject(string.Format(
                null, ProfileTexts.BirthYearOutOfRange, now.Year - WorkerProfile.OldestAge, now.Year - WorkerProfile.YoungestAge));
    }

    /// <summary>The year meant by <paramref name="text"/>; two digits are the most recent year that ends so.</summary>
    public static int? Read(string text, int currentYear)
    {
        var bare = text.Replace("出生", string.Empty, StringComparison.Ordinal).Replace("生", string.Empty, StringComparison.Ordinal).TrimEnd('年').Trim();
        // Two digits said one by one ("七八") are a year; ChineseNumber rightly refuses them as a quantity.
        int? number = bare.Length == 2 && bare.All(c => ChineseNumber.DigitValue(c) >= 0)
            ? (ChineseNumber.DigitValue(bare[0]) * 10) + ChineseNumber.DigitValue(bare[1])
            : ChineseNumber.TryParseInteger(bare, out var parsed) ? parsed : null;
        return number switch
        {
            >= 0 and < 100 when bare.Length == 2 => number + 2000 > currentYear ? 1900 + number : 2000 + number,
            >= 1000 => number,
            _ => null,
        };
    }
}
