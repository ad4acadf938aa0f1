using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Broadcasts;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Broadcasts;

/// <summary>群发通知 in the console, through the real host: a station's member drafts, an admin approves, another station sees nothing.</summary>
public sealed class BroadcastStaffTests : IDisposable
{
    private const string Password = "test-staff-password";
    private const int Baiyun = 2;
    private const int Dalang = 3;

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?>(), new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_station_member_drafts_for_their_station_and_sees_the_audience_size_before_it_goes()
    {
        await WorkersAsync(("掌布镇", true), ("掌布镇", false), ("通州镇", true));
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        using var created = await staff.PostFormAsync($"{BroadcastStaffEndpoints.Path}/new", Form("掌布镇"), from: $"{BroadcastStaffEndpoints.Path}/new");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await staff.GetStringAsync(created.Headers.Location!.ToString());
        Assert.Contains("符合条件 <strong>2</strong> 人，其中同意接收通知 1 人，能联系到的 0 人", page, StringComparison.Ordinal);
        Assert.Contains("户籍乡镇：掌布镇", page, StringComparison.Ordinal);
        Assert.Contains("草稿需要管理员审核后才会发送", page, StringComparison.Ordinal);
        var campaign = await SingleCampaignAsync();
        Assert.Equal((Baiyun, CampaignState.Draft, new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero)), (campaign.StationId, campaign.State, campaign.SendAt));
        Assert.Contains(await AuditAsync(), a => a.What == "起草群发通知" && a.Target == $"{campaign.Id}" && a.StationId == Baiyun);
    }

    [Fact]
    public async Task Only_an_admin_approves_and_then_staff_pause_resume_and_cancel_with_each_step_audited()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);
        using var created = await staff.PostFormAsync($"{BroadcastStaffEndpoints.Path}/new", Form(), from: $"{BroadcastStaffEndpoints.Path}/new");
        var path = created.Headers.Location!.ToString();

        using (var refused = await staff.PostFormAsync($"{path}/schedule", from: path))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(CampaignState.Draft, (await SingleCampaignAsync()).State);
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        Assert.Contains("审核通过并排期", await admin.GetStringAsync(path), StringComparison.Ordinal);
        var states = new List<CampaignState>();
        foreach (var (client, action) in new[] { (admin, "schedule"), (staff, "pause"), (staff, "resume"), (staff, "cancel") })
        {
            using var response = await client.PostFormAsync($"{path}/{action}", from: path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            states.Add((await SingleCampaignAsync()).State);
        }

        Assert.Equal([CampaignState.Scheduled, CampaignState.Paused, CampaignState.Scheduled, CampaignState.Cancelled], states);
        using var again = await staff.PostFormAsync($"{path}/cancel", from: path);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["排期群发通知", "暂停群发通知", "继续群发通知", "取消群发通知"], (await AuditAsync()).Where(a => a.What.EndsWith("群发通知", StringComparison.Ordinal) && a.Kind == AuditKind.Action && a.What != "起草群发通知").Select(a => a.What));
    }

    [Fact]
    public async Task Another_stations_campaign_is_refused_on_every_route_and_left_out_of_the_list()
    {
        using var dalang = await StaffClient.SignInAsAsync(_factory, "dalang", Password, StaffRole.Staff, Dalang);
        using var created = await dalang.PostFormAsync($"{BroadcastStaffEndpoints.Path}/new", Form(title: "大朗的通知"), from: $"{BroadcastStaffEndpoints.Path}/new");
        var id = (await SingleCampaignAsync()).Id;
        using var baiyun = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        Assert.DoesNotContain("大朗的通知", await baiyun.GetStringAsync(BroadcastStaffEndpoints.Path), StringComparison.Ordinal);
        using (var view = await baiyun.GetAsync($"{BroadcastStaffEndpoints.Path}/{id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        }

        foreach (var action in new[] { "", "/pause", "/resume", "/cancel" })
        {
            using var response = await baiyun.PostFormAsync($"{BroadcastStaffEndpoints.Path}/{id}{action}", Form(title: "改了"), from: BroadcastStaffEndpoints.Path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var campaign = await SingleCampaignAsync();
        Assert.Equal(("大朗的通知", CampaignState.Draft), (campaign.Title, campaign.State));
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        Assert.Contains("大朗的通知", await admin.GetStringAsync(BroadcastStaffEndpoints.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_changes_nothing()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);
        using var content = new FormUrlEncodedContent(Form());

        using var response = await staff.PostAsync($"{BroadcastStaffEndpoints.Path}/new", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PingtangDb>().Campaigns.CountAsync());
    }

    [Fact]
    public async Task A_draft_with_a_criterion_that_cannot_be_met_comes_back_with_the_reason_and_the_text_typed()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        using var response = await staff.PostFormAsync($"{BroadcastStaffEndpoints.Path}/new", Form("火星镇"), from: $"{BroadcastStaffEndpoints.Path}/new");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("「火星镇」不是平塘县的乡镇", page, StringComparison.Ordinal);
        Assert.Contains("value=\"火星镇\"", page, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string townships = "", string title = "返岗专车") => new()
    {
        ["title"] = title,
        ["text"] = "正月初六起有返岗专车。",
        ["townships"] = townships,
        ["sendAt"] = "2026-12-01T09:30",
    };

    private async Task WorkersAsync(params (string Township, bool Consents)[] workers)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<WorkerRegistry>();
        foreach (var (township, consents) in workers)
        {
            var worker = await registry.RegisterAsync(default);
            await registry.SaveProfileAsync(worker.Id, WorkerProfile.Empty with { HomeTownship = township, AcceptsReminders = consents }, default);
        }
    }

    private async Task<Campaign> SingleCampaignAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().Campaigns.AsNoTracking().SingleAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }
}
