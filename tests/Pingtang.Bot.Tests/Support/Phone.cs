using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// The web chat page on a phone-sized Chromium: Debian's chromium (apt-get install chromium fonts-noto-cjk), driven by
/// Playwright without its own browser download. Disposing it saves a screenshot to the test output's screenshots/,
/// whether the test passed or not: it is how a person checks what the worker saw.
/// </summary>
public sealed class Phone : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Long enough for a cold first page load on a busy 2-core CI machine.</summary>
    private const float Timeout = 20_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _screenshot;

    private Phone(IPlaywright playwright, IBrowser browser, IPage page, string screenshot, ConcurrentQueue<string> console)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        _screenshot = screenshot;
        Console = console;
    }

    public IPage Page { get; }

    /// <summary>What the pages wrote to the console since the phone opened, Content-Security-Policy refusals included.</summary>
    public ConcurrentQueue<string> Console { get; }

    public ILocator Transcript => Page.Locator("#webchat");

    public static Task<Phone> OpenAsync(string url, string screenshotName) => OpenAsync(url, screenshotName, new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "zh-CN",
    });

    /// <summary>A station's laptop instead of a phone: for the staff console.</summary>
    public static Task<Phone> OpenDeskAsync(string url, string screenshotName) =>
        OpenAsync(url, screenshotName, new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });

    private static async Task<Phone> OpenAsync(string url, string screenshotName, BrowserNewContextOptions screen)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium fonts-noto-cjk");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(screen);
        var page = await context.NewPageAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text} ({message.Location})");
        await page.GotoAsync(url);
        return new Phone(playwright, browser, page, Path.Combine(AppContext.BaseDirectory, "screenshots", screenshotName), console);
    }

    /// <summary>Waits until a message bubble containing <paramref name="text"/> is on screen.</summary>
    public Task SeesAsync(string text) =>
        Assertions.Expect(Shown(Transcript.GetByText(text))).ToBeVisibleAsync(new() { Timeout = Timeout });

    /// <summary>
    /// Runs <paramref name="action"/> and waits for <paramref name="messages"/> more messages in the transcript (the
    /// worker's own included): for when the text to wait for is already on screen from earlier.
    /// </summary>
    public async Task AwaitMessagesAsync(int messages, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var activities = Page.Locator(".webchat__basic-transcript__activity");
        var before = await activities.CountAsync();
        await action();
        await Assertions.Expect(activities.Nth(before + messages - 1)).ToBeAttachedAsync(new() { Timeout = Timeout });
    }

    public async Task TypeAsync(string text)
    {
        var sendBox = Page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    /// <summary>
    /// Taps the newest suggested-action button with this label: the one on screen, not the copy Web Chat writes into a
    /// screen reader's live region after it, which the transcript covers and no tap reaches.
    /// </summary>
    public async Task TapAsync(string label)
    {
        try
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true })
                .And(Page.Locator(":not(.webchat__live-region-activity__suggested-action)"))
                .Last.ClickAsync(new() { Timeout = Timeout });
        }
        catch (TimeoutException timeout)
        {
            // Which message came last, and which buttons are up, tells a missing button's cause (an apology after the
            // question, another message after it, or Web Chat dropping the question's buttons).
            var last = await Page.Locator(".webchat__basic-transcript__activity").Last.InnerTextAsync(new() { Timeout = 1_000 });
            var buttons = await Page.Locator(".webchat__suggested-actions button").AllInnerTextsAsync();
            throw new TimeoutException($"No button 「{label}」. Last message: 「{last}」; buttons up: [{string.Join(", ", buttons)}]", timeout);
        }
    }

    // Web Chat also writes each message into hidden live regions for screen readers; what a person sees is the bubble.
    public static ILocator Shown(ILocator text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Filter(new() { Visible = true }).First;
    }

    /// <summary>Saves what is on screen now as <paramref name="name"/> next to the final screenshot.</summary>
    public Task ShootAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(_screenshot)!, name), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Page.ScreenshotAsync(new() { Path = _screenshot, FullPage = false });
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
