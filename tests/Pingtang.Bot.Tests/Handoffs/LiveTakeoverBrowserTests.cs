using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Complaints;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Uploads;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;
using Xunit.Abstractions;

namespace Pingtang.Bot.Tests.Handoffs;

/// <summary>
/// The whole promise in two real browsers on one live host: a worker on a phone files a 欠薪 complaint with a photo
/// in Web Chat; a staff member of 东莞大朗 signs in on a laptop, finds it at the top of the queue, takes it over, and
/// the two talk live while the bot stays silent; staff hand it back, then resolve the case, and the worker rates the
/// help. The outbox sender runs as in production. Screenshots of both sides are saved under screenshots/.
/// </summary>
public sealed class LiveTakeoverBrowserTests(ITestOutputHelper output)
{
    private const string Password = "takeover-browser-password";

    private const int Dalang = 3;

    private const float Wait = 20_000;

    /// <summary>Web Chat's hidden file input behind the paperclip.</summary>
    private const string FileInput = "input.webchat__upload-button--file-input";

    [Fact]
    public async Task A_worker_and_a_station_talk_live_through_the_console_and_the_bot_keeps_silent_until_handed_back()
    {
        await using var host = LiveHost.Start(settings: new() { ["Outbox:Enabled"] = "true", ["Outbox:QuietHours"] = "0:00-0:00" });
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var member = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("dalang", "李站长", StaffRole.Staff, Dalang, Password, mustChangePassword: false, default);
            await scope.ServiceProvider.GetRequiredService<CannedReplies>().AddAsync(new DeskStaff(member.Id, "李站长", Dalang), Dalang, "要考勤", "请把考勤记录也拍照发来。", default);
        }

        await using var worker = await Phone.OpenAsync(host.BaseUrl + "/", "takeover-worker.png");
        await using var desk = await Phone.OpenDeskAsync($"{host.BaseUrl}{StaffAccess.LoginPath}?returnUrl={ComplaintQueueEndpoints.Path}", "takeover-staff.png");
        try
        {
            // The worker files, with a photo of the IOU through Web Chat's paperclip.
            await worker.SeesAsync(MenuTexts.Welcome);
            await ComplaintSteps.UntilEvidenceAsync(worker);
            await worker.Page.Locator(FileInput).SetInputFilesAsync(new FilePayload { Name = "欠条.png", MimeType = "image/png", Buffer = SampleFiles.Png });
            await worker.SeesAsync(DialogTexts.Format(ComplaintTexts.EvidenceReceived, 1));
            await worker.TypeAsync(ComplaintTexts.Done);
            await worker.SeesAsync(ComplaintTexts.AskPhone);
            await worker.TypeAsync("13812345678");
            await worker.SeesAsync(ComplaintTexts.ConfirmSummary);
            await worker.TapAsync(ComplaintTexts.ReviewChoices[0]);
            await worker.SeesAsync("已提交！编号：WQ-2026-000001");

            // The station signs in and finds it at the top of its queue.
            await desk.Page.FillAsync("input[name=account]", "dalang");
            await desk.Page.FillAsync("input[name=password]", Password);
            await desk.Page.ClickAsync("button[type=submit]");
            var firstConversation = desk.Page.Locator("table.queue").First.Locator("tbody tr").First;
            await Assertions.Expect(firstConversation).ToContainTextAsync("WQ-2026-000001", new() { Timeout = Wait });
            await Assertions.Expect(firstConversation).ToContainTextAsync("等待接手");
            await desk.ShootAsync("takeover-staff-queue.png");
            await firstConversation.GetByRole(AriaRole.Link, new() { Name = "打开" }).ClickAsync();
            await Assertions.Expect(desk.Page.Locator("h1")).ToHaveTextAsync("案件 WQ-2026-000001");
            await Assertions.Expect(desk.Page.Locator("img.evidence").First).ToBeVisibleAsync();
            Assert.True(await desk.Page.Locator("img.evidence").First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 48"));

            // Takes it over: the worker is told who is there.
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "接手对话" }).ClickAsync();
            await Assertions.Expect(desk.Page.Locator(".chat-state")).ToContainTextAsync("由您接手中", new() { Timeout = Wait });
            await Assertions.Expect(desk.Page.Locator("html[data-live=connected]")).ToBeAttachedAsync(new() { Timeout = Wait });
            await worker.SeesAsync("我是平塘就业助手工作人员李站长");

            // Live both ways; the bot says nothing to what the worker writes, even to a word it knows.
            await worker.TypeAsync("老板说下个月才给，我能做什么");
            await Assertions.Expect(desk.Page.Locator(".transcript")).ToContainTextAsync("老板说下个月才给，我能做什么", new() { Timeout = Wait });
            var menusBefore = await MenusAsync(worker);
            await worker.TypeAsync("菜单");
            await Assertions.Expect(desk.Page.Locator(".transcript li.worker").Last).ToHaveTextAsync(new Regex("菜单"), new() { Timeout = Wait });
            await worker.Page.Locator(FileInput).SetInputFilesAsync(new FilePayload { Name = "工资条.png", MimeType = "image/png", Buffer = SampleFiles.Png });
            var sentFile = desk.Page.Locator(".transcript li.worker a", new() { HasText = "工资条.png" });
            await Assertions.Expect(sentFile).ToBeVisibleAsync(new() { Timeout = Wait });
            var served = await desk.Page.APIRequest.GetAsync(host.BaseUrl + await sentFile.GetAttributeAsync("href"));
            Assert.Equal((200, "image/png"), (served.Status, served.Headers["content-type"]));
            await desk.Page.FillAsync("form[data-live-reply] textarea", "请把工资条也拍给我，我今天联系老板。");
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
            await worker.SeesAsync("平塘就业助手工作人员（李站长）：请把工资条也拍给我，我今天联系老板。");
            await Assertions.Expect(desk.Page.Locator(".transcript li.staff").Last).ToContainTextAsync("请把工资条也拍给我", new() { Timeout = Wait });
            await desk.Page.Locator("select[data-canned]").SelectOptionAsync(new SelectOptionValue { Label = "要考勤" });
            await Assertions.Expect(desk.Page.Locator("form[data-live-reply] textarea")).ToHaveValueAsync("请把考勤记录也拍照发来。");
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
            await worker.SeesAsync("平塘就业助手工作人员（李站长）：请把考勤记录也拍照发来。");
            Assert.Equal(menusBefore, await MenusAsync(worker));
            await worker.ShootAsync("takeover-worker-live.png");
            await desk.ShootAsync("takeover-staff-live.png");

            // Hands it back with a summary: the bot returns with the menu, and answers again.
            await desk.Page.FillAsync("form[action$='/handback'] input[name=text]", "已联系老板，月底前补发");
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "交还智能助手" }).ClickAsync();
            await worker.SeesAsync("小结：已联系老板，月底前补发");
            await Assertions.Expect(worker.Page.GetByRole(AriaRole.Button, new() { Name = MainMenu.Titles[0], Exact = true }).Last).ToBeVisibleAsync(new() { Timeout = Wait });

            // The case is accepted, then resolved: the worker is told each time and asked to rate.
            await ChangeStatusAsync(desk, "已受理", null);
            await worker.SeesAsync("现在：已受理");
            await ChangeStatusAsync(desk, "已解决", "老板已补发12000元");
            await worker.SeesAsync("说明：老板已补发12000元");
            await worker.SeesAsync("请为工作人员的帮助打个分");
            await worker.TapAsync(HandoffNotices.RatingChoices[0]);
            await worker.SeesAsync(HandoffTexts.RatingThanks);
            await worker.ShootAsync("takeover-worker-rated.png");
            await desk.ShootAsync("takeover-staff-resolved.png");

            await using var check = host.Factory.Services.CreateAsyncScope();
            var db = check.ServiceProvider.GetRequiredService<PingtangDb>();
            var rating = await db.HelpRatings.SingleAsync();
            Assert.Equal((5, Dalang), (rating.Score!.Value, rating.StationId));
            var lines = await db.Set<ChatMessage>().OrderBy(m => m.Id).Select(m => new { m.Author, m.Text }).ToListAsync();
            var takenAt = lines.FindIndex(l => l.Author == ChatAuthor.System && l.Text.Contains("接手", StringComparison.Ordinal));
            var backAt = lines.FindIndex(l => l.Author == ChatAuthor.System && l.Text.Contains("交还", StringComparison.Ordinal));
            Assert.DoesNotContain(lines[takenAt..backAt], l => l.Author == ChatAuthor.Bot);
        }
        finally
        {
            foreach (var line in worker.Console.Concat(desk.Console))
            {
                output.WriteLine(line);
            }
        }

        Assert.DoesNotContain(worker.Console.Concat(desk.Console), line => line.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_station_on_its_queue_sees_a_new_request_for_a_person_at_once_without_reloading()
    {
        await using var host = LiveHost.Start();
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("county", "张主任", StaffRole.Staff, 1, Password, mustChangePassword: false, default);
        }

        await using var desk = await Phone.OpenDeskAsync($"{host.BaseUrl}{StaffAccess.LoginPath}?returnUrl={ComplaintQueueEndpoints.Path}", "queue-alert-staff.png");
        await desk.Page.FillAsync("input[name=account]", "county");
        await desk.Page.FillAsync("input[name=password]", Password);
        await desk.Page.ClickAsync("button[type=submit]");
        await Assertions.Expect(desk.Page.GetByText("现在没有工人在等工作人员。")).ToBeVisibleAsync(new() { Timeout = Wait });
        // The live connection is up before the worker asks: the page's script has joined the station's group.
        await Assertions.Expect(desk.Page.Locator("html[data-live=connected]")).ToBeAttachedAsync(new() { Timeout = Wait });

        await using var worker = await Phone.OpenAsync(host.BaseUrl + "/", "queue-alert-worker.png");
        await worker.SeesAsync(MenuTexts.Welcome);
        await worker.TypeAsync("人工");

        await Assertions.Expect(desk.Page.Locator("table.queue").First).ToContainTextAsync("等待接手", new() { Timeout = Wait });
        Assert.DoesNotContain(desk.Console, line => line.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_the_worker_writes_while_the_conversation_page_is_not_yet_listening_appears_once_it_is()
    {
        await using var host = LiveHost.Start();
        int handoffId;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("dalang", "李站长", StaffRole.Staff, Dalang, Password, mustChangePassword: false, default);
            handoffId = (await WorkerSaysAsync(host, null, "老板三个月没发工资了")).HandoffId;
        }

        await using var desk = await Phone.OpenDeskAsync($"{host.BaseUrl}{StaffAccess.LoginPath}?returnUrl={ConversationEndpoints.PageOf(handoffId)}", "catch-up-staff.png");
        // The page's live connection is held back until the worker has written again: a line said between the
        // page's load and its joining the conversation reaches no page.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await desk.Page.RouteAsync("**/console/live/negotiate**", async route =>
        {
            await listening.Task;
            await route.ContinueAsync();
        });
        await desk.Page.FillAsync("input[name=account]", "dalang");
        await desk.Page.FillAsync("input[name=password]", Password);
        await desk.Page.ClickAsync("button[type=submit]");
        await Assertions.Expect(desk.Page.Locator(".transcript li.worker")).ToHaveTextAsync([new Regex("老板三个月没发工资了")], new() { Timeout = Wait });

        await WorkerSaysAsync(host, handoffId, "欠条我拍下来了");
        listening.SetResult();

        await Assertions.Expect(desk.Page.Locator("html[data-live=connected]")).ToBeAttachedAsync(new() { Timeout = Wait });
        await Assertions.Expect(desk.Page.Locator(".transcript li.worker")).ToHaveTextAsync(
            [new Regex("老板三个月没发工资了"), new Regex("欠条我拍下来了")],
            new() { Timeout = Wait });
    }

    /// <summary>A worker of 东莞 (the 大朗 station's) writes a line to the person they asked for, as the bot records and announces it.</summary>
    private static async Task<ChatMessage> WorkerSaysAsync(LiveHost host, int? handoffId, string text)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var desk = services.GetRequiredService<HandoffDesk>();
        Handoff? handoff;
        if (handoffId is { } id)
        {
            handoff = await desk.FindAsync(id, default);
        }
        else
        {
            var db = services.GetRequiredService<PingtangDb>();
            var worker = await new WorkerRegistry(db, TimeProvider.System).RegisterAsync(default);
            worker.UpdateProfile(WorkerProfile.Empty with { CurrentCity = "东莞" }, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            handoff = (await desk.RequestAsync(worker.Id, null, default)).Handoff;
        }

        var lines = await desk.RecordAsync(handoff!, ChatAuthor.Worker, [(text, null)], null, default);
        await services.GetRequiredService<LiveConsole>().LinesAsync(lines, default);
        return lines.Single();
    }

    /// <summary>How many times the bot has offered the menu so far.</summary>
    private static Task<int> MenusAsync(Phone worker) =>
        worker.Transcript.GetByRole(AriaRole.Button, new() { Name = MainMenu.Titles[0], Exact = true }).CountAsync();

    private static async Task ChangeStatusAsync(Phone desk, string status, string? note)
    {
        var form = desk.Page.Locator("form[action$='/status']");
        await form.Locator("select[name=status]").SelectOptionAsync(new SelectOptionValue { Label = status });
        if (note is not null)
        {
            await form.Locator("textarea[name=note]").FillAsync(note);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "保存并通知工人" }).ClickAsync();
        await Assertions.Expect(desk.Page.Locator("table").Filter(new() { HasText = "办理人" })).ToContainTextAsync(status, new() { Timeout = Wait });
    }
}
