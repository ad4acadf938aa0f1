using Pingtang.Bot.Complaints;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Complaints;

/// <summary>A worker filing 劳动维权 on the web chat page, as the browser tests drive it.</summary>
internal static class ComplaintSteps
{
    private static readonly string FirstLineOfAskEvidence = ComplaintTexts.AskEvidence.Split('\n')[0];

    /// <summary>劳动维权 from the menu (owed wages in 东莞大朗), answered the shortest way, up to the question that asks for evidence.</summary>
    public static async Task UntilEvidenceAsync(Phone phone)
    {
        await phone.TypeAsync("东莞老板不发工资");
        await phone.SeesAsync(ComplaintTexts.AskFiler);
        await phone.TapAsync(ComplaintTexts.FilerChoices[0]);
        foreach (var (ask, answer) in new[]
        {
            (ComplaintTexts.AskName, "王师傅"),
            (ComplaintTexts.AskEmployer, "宏达制衣有限公司"),
            (ComplaintTexts.AskCreditCode, "跳过"),
            (ComplaintTexts.AskPlace, "东莞大朗"),
            (ComplaintTexts.AskSite, "宏达二厂"),
            (ComplaintTexts.AskPeriod, "2026年3月到10月"),
            (ComplaintTexts.AskAmount, "1.2万"),
            (ComplaintTexts.AskWorkersOwed, "3"),
            (ComplaintTexts.AskNarrative, "老板欠了三个月工资"),
        })
        {
            await phone.SeesAsync(ask);
            await phone.TypeAsync(answer);
        }

        await phone.SeesAsync(FirstLineOfAskEvidence);
    }
}
