using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Training;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Training;
using Pingtang.Domain;
using Xunit.Abstractions;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// The pages in a real browser with their Content-Security-Policy on: each works, and the browser refuses nothing
/// (a refusal is written to the console). Hangfire's server runs, so the dashboard has jobs to show.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class ContentSecurityPolicyPageTests(ITestOutputHelper output)
{
    private const string Password = "test-admin-password";

    private const float Timeout = 20_000;

    [Fact]
    public async Task The_chat_page_the_staff_pages_and_the_dashboard_work_under_their_policies()
    {
        await using var host = LiveHost.Start(new() { ["Scheduling:Enabled"] = "true" });
        var today = ChinaTime.Today(TimeProvider.System);
        var session = await Sessions.PlanAsync(host.Factory, "电工", Sessions.Welding with { StartsOn = today.AddDays(10), EndsOn = today.AddDays(20), EnrolBy = today.AddDays(8) });
        await using var phone = await Phone.OpenAsync(host.BaseUrl + "/", "csp-pages.png");
        try
        {
            await UseThePagesAsync(host, phone, session);
        }
        finally
        {
            foreach (var line in phone.Console)
            {
                output.WriteLine(line);
            }
        }

        Assert.DoesNotContain(phone.Console, line => line.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    private static async Task UseThePagesAsync(LiveHost host, Phone phone, int session)
    {
        var page = phone.Page;

        // Web Chat renders, styles itself through the CSSOM, connects over the WebSocket and answers.
        await phone.SeesAsync(MenuTexts.Welcome);
        await phone.TypeAsync("帮助");
        await phone.SeesAsync("「菜单」回到主菜单");
        var chatRules = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('style')].reduce((n, s) => n + (s.sheet ? s.sheet.cssRules.length : 0), 0)");

        // Staff sign in through the form, and the stop-session form asks first (staff.js) and posts with its token.
        await StaffClient.EnsureAccountAsync(host.Factory, StaffClient.Account, Password);
        await page.GotoAsync($"{host.BaseUrl}{StaffAccess.LoginPath}?returnUrl={TrainingStaffEndpoints.Path}/{session}");
        await page.FillAsync("input[name=account]", StaffClient.Account);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync($"{host.BaseUrl}{TrainingStaffEndpoints.Path}/{session}", new() { Timeout = Timeout });
        var stop = page.GetByRole(AriaRole.Button, new() { Name = "停课并通知学员" });
        await stop.ClickAsync();
        var stillOpen = await stop.CountAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await stop.ClickAsync();
        await Assertions.Expect(page.GetByText("已停课")).ToBeVisibleAsync(new() { Timeout = Timeout });
        var staffTableBorder = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('table')).borderCollapse");

        // The dashboard: its charts, and triggering a recurring job with its own token.
        await page.GotoAsync($"{host.BaseUrl}/hangfire");
        await Assertions.Expect(page.Locator("#realtimeGraph")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.GotoAsync($"{host.BaseUrl}/hangfire/recurring");
        await page.Locator($"input.js-jobs-list-checkbox[value='{JobAlertJob.RecurringJobId}']").CheckAsync();
        // The dashboard reloads its page once the trigger is posted: going on before that races the reload.
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                reloaded.TrySetResult();
            }
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" }).ClickAsync();
        await reloaded.Task.WaitAsync(TimeSpan.FromMilliseconds(Timeout));
        await page.WaitForLoadStateAsync(LoadState.Load);
        var jobId = await WaitForLastJobAsync(host.Factory);
        await page.GotoAsync($"{host.BaseUrl}/hangfire/jobs/details/{jobId}");
        await Assertions.Expect(page.Locator(".job-snippet").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        Assert.True(chatRules > 100, $"Web Chat's styles: {chatRules} rules");
        Assert.Equal(1, stillOpen);
        Assert.Equal("collapse", staffTableBorder);
    }

    private static async Task<string> WaitForLastJobAsync(PingtangFactory factory)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using (var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection())
            {
                if (connection.GetRecurringJobs([JobAlertJob.RecurringJobId]).Single().LastJobId is { } id)
                {
                    return id;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
