using Microsoft.Bot.Builder.Adapters;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Profile;

/// <summary>The first answers of 我的信息, for tests about what comes after them.</summary>
public static class ProfileSteps
{
    public static TestFlow AtNameQuestion(this TestFlow flow) =>
        flow.Send("我的信息").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName);

    public static TestFlow AtMobileQuestion(this TestFlow flow) =>
        flow.AtNameQuestion().Send("小张").Expect(ProfileTexts.AskMobile);

    public static TestFlow AtBirthYearQuestion(this TestFlow flow) =>
        flow.AtMobileQuestion().Send("13912345678").Expect(ProfileTexts.AskBirthYear);

    public static TestFlow AtTownshipQuestion(this TestFlow flow) =>
        flow.AtBirthYearQuestion().Send("1990").Expect(ProfileTexts.AskTownship);
}
