using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Handoffs;

/// <summary>
/// A worker's 「人工」 in the console, through the real host and its forms (the page's script only makes them live):
/// the queue shows it, staff take it over, write, keep a note, hand it back or resolve it.
/// </summary>
public sealed class ConversationConsoleTests : IDisposable
{
    private const string Password = "chat-test-password";

    private const int Baiyun = 2;
    private const int Dalang = 3;

    private static readonly string[] Actions = ["take", "reply", "note", "handback", "resolve"];

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_request_is_in_its_station_queue_and_staff_take_it_over_write_note_and_hand_it_back()
    {
        var handoff = await RequestAsync("东莞");
        using var staff = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);
        var page = ConversationEndpoints.PageOf(handoff.Id);

        var queue = await staff.GetStringAsync(ComplaintQueueEndpoints.Path);
        using var take = await staff.PostFormAsync($"{page}/take", new Dictionary<string, string>(), from: page);
        using var reply = await staff.PostFormAsync($"{page}/reply", new Dictionary<string, string> { ["text"] = "请把欠条拍照发过来。" }, from: page);
        using var note = await staff.PostFormAsync($"{page}/note", new Dictionary<string, string> { ["text"] = "老板电话打不通" }, from: page);
        var live = await staff.GetStringAsync(page);
        using var back = await staff.PostFormAsync($"{page}/handback", new Dictionary<string, string> { ["text"] = "已登记，等单位回复" }, from: page);

        Assert.Contains($"href=\"{page}\"", queue, StringComparison.Ordinal);
        Assert.Contains("等待接手", queue, StringComparison.Ordinal);
        Assert.All([take, reply, note, back], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Contains("由您接手中", live, StringComparison.Ordinal);
        Assert.Contains("老板电话打不通", live, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var sent = await db.Outbox.Where(m => m.WorkerId == handoff.WorkerId).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync();
        Assert.Collection(
            sent,
            s => Assert.Contains("现在由我来为您服务", s, StringComparison.Ordinal),
            s => Assert.Equal("平塘就业助手工作人员（dalang）：请把欠条拍照发过来。", s),
            s => Assert.Contains("小结：已登记，等单位回复", s, StringComparison.Ordinal));
        Assert.DoesNotContain(sent, s => s.Contains("老板电话打不通", StringComparison.Ordinal));
        Assert.Equal(HandoffEnding.HandedBack, (await db.Handoffs.SingleAsync(h => h.Id == handoff.Id)).Ending);
        Assert.Equal(
            ["查看案件队列", "查看对话", "接手对话", "查看对话", "回复工人", "查看对话", "写内部备注", "查看对话", "查看对话", "交还智能助手"],
            await db.AuditLog.Where(a => a.Account == "dalang" && a.Kind != AuditKind.Account).OrderBy(a => a.Id).Select(a => a.What).ToListAsync());
    }

    [Fact]
    public async Task Resolving_a_conversation_asks_the_worker_to_rate_the_help()
    {
        var handoff = await RequestAsync("广州");
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);
        var page = ConversationEndpoints.PageOf(handoff.Id);

        using var reply = await staff.PostFormAsync($"{page}/reply", new Dictionary<string, string> { ["text"] = "您好" }, from: page);
        using var resolve = await staff.PostFormAsync($"{page}/resolve", new Dictionary<string, string> { ["text"] = "已帮您联系老板" }, from: page);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        Assert.Equal(HandoffEnding.Resolved, (await db.Handoffs.SingleAsync(h => h.Id == handoff.Id)).Ending);
        Assert.Equal(1, await db.HelpRatings.CountAsync(r => r.HandoffId == handoff.Id && r.StationId == Baiyun));
        Assert.Contains(await db.Outbox.Where(m => m.WorkerId == handoff.WorkerId).Select(m => m.Text).ToListAsync(), s => s.Contains("打个分", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_of_another_station_get_403_on_the_conversation_and_every_form_of_it_and_nothing_is_sent()
    {
        var handoff = await RequestAsync("东莞");
        long fileLine;
        await using (var seed = _factory.Services.CreateAsyncScope())
        {
            var desk = seed.ServiceProvider.GetRequiredService<HandoffDesk>();
            var kept = await desk.RecordAsync((await desk.FindAsync(handoff.Id, default))!, ChatAuthor.Worker, [("发来文件：欠条.png", new ChatAttachment("欠条.png", "image/png", "https://files.example.invalid/1"))], "f1", default);
            fileLine = kept.Single().Id;
        }

        using var other = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);
        using var own = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);
        var page = ConversationEndpoints.PageOf(handoff.Id);
        using var ownFile = await own.GetAsync(ConversationEndpoints.FileOf(handoff.Id, fileLine));

        var queue = await other.GetStringAsync(ComplaintQueueEndpoints.Path);
        List<HttpResponseMessage> answers =
        [
            await other.GetAsync(page),
            await other.GetAsync(ConversationEndpoints.FileOf(handoff.Id, fileLine)),
            .. await Task.WhenAll(Actions.Select(action =>
                other.PostFormAsync($"{page}/{action}", new Dictionary<string, string> { ["text"] = "你好" }))),
        ];

        Assert.DoesNotContain($"href=\"{page}\"", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ownFile.StatusCode);
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        answers.ForEach(r => r.Dispose());
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        Assert.Equal(HandoffState.Waiting, (await db.Handoffs.SingleAsync(h => h.Id == handoff.Id)).State);
        Assert.False(await db.Outbox.AnyAsync(m => m.WorkerId == handoff.WorkerId));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var handoff = await RequestAsync("东莞");
        using var staff = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);

        using var forged = await staff.PostAsync($"{ConversationEndpoints.PageOf(handoff.Id)}/reply", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "你好" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PingtangDb>().Outbox.AnyAsync(m => m.WorkerId == handoff.WorkerId));
    }

    [Fact]
    public async Task What_the_worker_wrote_is_shown_as_text_in_the_transcript()
    {
        var handoff = await RequestAsync("东莞");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<HandoffDesk>();
            await desk.RecordAsync((await desk.FindAsync(handoff.Id, default))!, ChatAuthor.Worker, [("<script>alert(1)</script><img src=x onerror=alert(1)>", null)], "m1", default);
        }

        using var staff = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);
        var page = await staff.GetStringAsync(ConversationEndpoints.PageOf(handoff.Id));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
    }

    /// <summary>A worker in <paramref name="city"/> asks for a person (人工) without a case.</summary>
    private async Task<Handoff> RequestAsync(string city)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PingtangDb>();
        var worker = await new WorkerRegistry(db, services.GetRequiredService<TimeProvider>()).RegisterAsync(default);
        worker.UpdateProfile(WorkerProfile.Empty with { CurrentCity = city }, TestClock.Now);
        await db.SaveChangesAsync();
        return (await services.GetRequiredService<HandoffDesk>().RequestAsync(worker.Id, null, default)).Handoff;
    }
}
