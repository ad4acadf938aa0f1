using Microsoft.Playwright;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

/// <summary>
/// The page at / in a real browser: Debian's chromium (apt-get install chromium fonts-noto-cjk), driven by Playwright
/// without its own browser download. Screenshots go to the test output folder, screenshots/.
/// </summary>
public sealed class WebChatPageTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_worker_on_a_phone_is_welcomed_types_a_message_and_reads_the_answer()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium fonts-noto-cjk");
        await using var host = LiveHost.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var phone = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
        });
        var page = await phone.NewPageAsync();

        try
        {
            await page.GotoAsync(host.BaseUrl + "/");
            await Assertions.Expect(page).ToHaveTitleAsync("平塘就业助手");
            var transcript = page.Locator("#webchat");
            await Assertions.Expect(Shown(transcript.GetByText(MenuTexts.Welcome))).ToBeVisibleAsync(new() { Timeout = 20_000 });

            var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
            await sendBox.FillAsync("帮助");
            await sendBox.PressAsync("Enter");

            await Assertions.Expect(Shown(transcript.GetByText("帮助", new() { Exact = true }))).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(Shown(transcript.GetByText("「菜单」回到主菜单"))).ToBeVisibleAsync(new() { Timeout = 20_000 });
            // Web Chat shows "sending" until the service echoes the message back (matched by clientActivityID).
            await Assertions.Expect(Shown(transcript.GetByText("正在发送"))).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await Assertions.Expect(transcript.GetByText("发送失败")).ToHaveCountAsync(0);
            Assert.Equal(0, await page.Locator("#status:visible").CountAsync());

            // A suggested action is a button a worker taps; the profile's first question follows, then the next.
            await page.GetByRole(AriaRole.Button, new() { Name = "我的信息" }).Last.ClickAsync();
            await Assertions.Expect(Shown(transcript.GetByText(ProfileTexts.AskName))).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await sendBox.FillAsync("王师傅");
            await sendBox.PressAsync("Enter");
            await Assertions.Expect(Shown(transcript.GetByText(ProfileTexts.AskMobile))).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }
        finally
        {
            // Kept whether the test passes or not: it is how a person checks what the worker saw.
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "webchat-phone.png") });
        }
    }

    // Web Chat also writes each message into hidden live regions for screen readers; what a person sees is the bubble.
    private static ILocator Shown(ILocator text) => text.Filter(new() { Visible = true }).First;
}
