using Microsoft.Playwright;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

/// <summary>The page at / in a real browser on a phone-sized screen.</summary>
public sealed class WebChatPageTests
{
    [Fact]
    public async Task A_worker_on_a_phone_is_welcomed_types_a_message_and_reads_the_answer()
    {
        await using var host = LiveHost.Start();
        await using var phone = await Phone.OpenAsync(host.BaseUrl + "/", "webchat-phone.png");

        await Assertions.Expect(phone.Page).ToHaveTitleAsync("平塘就业助手");
        await phone.SeesAsync(MenuTexts.Welcome);

        await phone.TypeAsync("帮助");
        await Assertions.Expect(Phone.Shown(phone.Transcript.GetByText("帮助", new() { Exact = true }))).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await phone.SeesAsync("「菜单」回到主菜单");
        // Web Chat shows "sending" until the service echoes the message back (matched by clientActivityID).
        await Assertions.Expect(Phone.Shown(phone.Transcript.GetByText("正在发送"))).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Assertions.Expect(phone.Transcript.GetByText("发送失败")).ToHaveCountAsync(0);
        Assert.Equal(0, await phone.Page.Locator("#status:visible").CountAsync());

        // A suggested action is a button a worker taps; the profile's first question follows, then the next.
        await phone.TapAsync("我的信息");
        await phone.SeesAsync(ProfileTexts.AskName);
        await phone.TypeAsync("王师傅");
        await phone.SeesAsync(ProfileTexts.AskMobile);
    }
}
