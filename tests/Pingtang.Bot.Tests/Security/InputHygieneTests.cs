using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Profile;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// What the outside test typed — NUL, ESC, a right-to-left override, noncharacters — tried against the real host:
/// it is stored without them.
/// </summary>
public sealed class InputHygieneTests : IDisposable
{
    private readonly PingtangFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_worker_who_types_control_and_bidi_characters_gets_a_clean_name_and_city()
    {
        await Conversation.Start(_factory).AtNameQuestion()
            .Send("\u202E王\0师\u001B傅\uFFFF").Expect(ProfileTexts.AskMobile)
            .Send("13812345678").Expect(ProfileTexts.AskBirthYear)
            .Send("1985").Expect(ProfileTexts.AskTownship)
            .Send("1").Expect(ProfileTexts.AskCity)
            .Send("东\u200B莞\u2066\uFDD0").Expect(ProfileTexts.AskTrades)
            .Send("家政").Expect(ProfileTexts.AskReminders)
            .Send("不要").Expect("称呼：王师傅", "现在所在城市：东莞").Expect(ProfileTexts.Confirm)
            .Send("是").Expect(ProfileTexts.Saved).Expect(MenuTexts.AnythingElse)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var worker = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Workers.SingleAsync();
        Assert.Equal(("王师傅", "东莞"), (worker.Name, worker.CurrentCity));
    }
}
