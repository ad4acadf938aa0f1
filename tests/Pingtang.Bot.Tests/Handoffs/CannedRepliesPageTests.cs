using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Tests.Handoffs;

/// <summary>The console's canned replies (快捷回复), as a station's staff and the county's admin use them through the real host.</summary>
public sealed class CannedRepliesPageTests : IDisposable
{
    private const string Password = "replies-test-password";

    private const int Baiyun = 2;

    private const int Dalang = 3;

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Station_staff_add_edit_and_delete_their_station_s_replies_and_each_change_is_audited()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        using var added = await staff.PostFormAsync(CannedReplyEndpoints.Path, new Dictionary<string, string> { ["title"] = "要\u202e欠条", ["text"] = "您好，我是白云站工作人员，请把欠条拍照发给我。" }, from: CannedReplyEndpoints.Path);
        var reply = Assert.Single(await RepliesAsync());
        var page = await staff.GetStringAsync(CannedReplyEndpoints.Path);
        using var edited = await staff.PostFormAsync($"{CannedReplyEndpoints.Path}/{reply.Id}/edit", new Dictionary<string, string> { ["title"] = "要欠条照片", ["text"] = "请把欠条和工资条都拍照发给我。" }, from: CannedReplyEndpoints.Path);
        var afterEdit = Assert.Single(await RepliesAsync());
        using var deleted = await staff.PostFormAsync($"{CannedReplyEndpoints.Path}/{reply.Id}/delete", from: CannedReplyEndpoints.Path);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(CannedReplyEndpoints.StationPath(Baiyun), added.Headers.Location?.OriginalString);
        Assert.Equal((Baiyun, "要欠条", "baiyun"), (reply.StationId, reply.Title, reply.CreatedBy));
        Assert.Contains("请把欠条拍照发给我", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(("要欠条照片", "请把欠条和工资条都拍照发给我。"), (afterEdit.Title, afterEdit.Text));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await RepliesAsync());
        Assert.Equal(["新增快捷回复「要欠条」", "修改快捷回复「要欠条照片」", "删除快捷回复「要欠条照片」"], (await ActionsAsync("baiyun")).Select(a => a.What));
    }

    [Fact]
    public async Task A_reply_that_is_too_long_is_refused_with_the_typed_text_kept()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        using var refused = await staff.PostFormAsync(CannedReplyEndpoints.Path, new Dictionary<string, string> { ["title"] = new string('长', CannedReply.TitleMaxLength + 1), ["text"] = "请稍等" }, from: CannedReplyEndpoints.Path);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains(CannedReplyWords.TitleTooLong, page, StringComparison.Ordinal);
        Assert.Contains("请稍等", page, StringComparison.Ordinal);
        Assert.Empty(await RepliesAsync());
    }

    [Fact]
    public async Task Station_staff_neither_see_nor_change_another_station_s_replies_and_an_admin_keeps_any_station_s()
    {
        var dalang = await AddAsync(Dalang, "大朗开场白", "您好，我是大朗站工作人员。");
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        var own = await staff.GetStringAsync(CannedReplyEndpoints.Path);
        using var other = await staff.GetAsync(CannedReplyEndpoints.StationPath(Dalang));
        using var edit = await staff.PostFormAsync($"{CannedReplyEndpoints.Path}/{dalang}/edit", new Dictionary<string, string> { ["title"] = "改了", ["text"] = "改了" }, from: CannedReplyEndpoints.Path);
        using var delete = await staff.PostFormAsync($"{CannedReplyEndpoints.Path}/{dalang}/delete", from: CannedReplyEndpoints.Path);
        using var addThere = await staff.PostFormAsync(CannedReplyEndpoints.Path, new Dictionary<string, string> { ["station"] = $"{Dalang}", ["title"] = "塞进去", ["text"] = "塞进去" }, from: CannedReplyEndpoints.Path);
        var untouched = Assert.Single(await RepliesAsync());

        var adminPage = await admin.GetStringAsync(CannedReplyEndpoints.StationPath(Dalang));
        using var adminAdd = await admin.PostFormAsync(CannedReplyEndpoints.Path, new Dictionary<string, string> { ["station"] = $"{Baiyun}", ["title"] = "白云开场白", ["text"] = "您好，我是白云站工作人员。" }, from: CannedReplyEndpoints.Path);
        using var adminEdit = await admin.PostFormAsync($"{CannedReplyEndpoints.Path}/{dalang}/edit", new Dictionary<string, string> { ["title"] = "大朗问候", ["text"] = "您好，这里是大朗站。" }, from: CannedReplyEndpoints.Path);

        Assert.DoesNotContain("大朗开场白", own, StringComparison.Ordinal);
        Assert.Equal(
            Enumerable.Repeat(HttpStatusCode.Forbidden, 4),
            new[] { other.StatusCode, edit.StatusCode, delete.StatusCode, addThere.StatusCode });
        Assert.Equal(("大朗开场白", Dalang), (untouched.Title, untouched.StationId));
        Assert.Contains("大朗开场白", adminPage, StringComparison.Ordinal);
        Assert.Contains("<select name=\"station\">", adminPage, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (adminAdd.StatusCode, adminEdit.StatusCode));
        Assert.Equal(["大朗问候", "白云开场白"], (await RepliesAsync()).OrderBy(r => r.StationId == Baiyun).Select(r => r.Title));
        Assert.Equal(new int?[] { Baiyun, Dalang }, (await ActionsAsync(StaffClient.Account)).Select(a => a.StationId));
        Assert.Empty(await ActionsAsync("baiyun"));
    }

    [Fact]
    public async Task A_post_without_the_page_s_antiforgery_token_changes_nothing()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "伪造", ["text"] = "伪造" });

        using var response = await staff.PostAsync(CannedReplyEndpoints.Path, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await RepliesAsync());
    }

    private async Task<int> AddAsync(int stationId, string title, string text)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var reply = await scope.ServiceProvider.GetRequiredService<CannedReplies>().AddAsync(new DeskStaff(0, "测试", null), stationId, title, text, default);
        return reply!.Id;
    }

    private async Task<List<CannedReply>> RepliesAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().CannedReplies.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private async Task<List<AuditEntry>> ActionsAsync(string account)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().AuditLog.AsNoTracking()
            .Where(a => a.Account == account && a.Kind == AuditKind.Action).OrderBy(a => a.Id).ToListAsync();
    }
}
