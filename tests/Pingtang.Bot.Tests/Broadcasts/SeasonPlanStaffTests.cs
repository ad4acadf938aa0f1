using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Broadcasts;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Tests.Broadcasts;

/// <summary>返岗季计划 in the console, through the real host, for 春节 2027 (6 February), with the clock at 2026-11-29.</summary>
public sealed class SeasonPlanStaffTests : IDisposable
{
    private const string Password = "test-staff-password";

    private readonly FakeTimeProvider _clock = new(TestClock.Now);

    private readonly PingtangFactory _factory;

    public SeasonPlanStaffTests() => _factory = new(new Dictionary<string, string?>(), _clock);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_admin_previews_the_coming_season_by_solar_and_lunar_day_before_anything_is_drafted()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        var page = await admin.GetStringAsync(SeasonPlanEndpoints.Path);

        Assert.Contains("2027年春节（2月6日）", page, StringComparison.Ordinal);
        Assert.Contains("1月13日（腊月初六）", page, StringComparison.Ordinal);
        Assert.Contains("返岗专车报名开始", page, StringComparison.Ordinal);
        Assert.Contains("未报名返岗专车", page, StringComparison.Ordinal);
        Assert.Contains("12月30日生成", page, StringComparison.Ordinal);
        Assert.Contains("2月15日（正月初十）", page, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), a => a.What == "查看返岗季计划");
    }

    [Fact]
    public async Task A_station_member_may_not_see_or_change_the_plan()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, 2);
        var step = await StepAsync("job-fair");

        using var view = await staff.GetAsync(SeasonPlanEndpoints.Path);
        using var change = await staff.PostFormAsync($"{SeasonPlanEndpoints.Path}/steps/{step.Id}", Form(step, offset: "1"), from: BroadcastStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(9, (await StepAsync("job-fair")).OffsetDays);
    }

    [Fact]
    public async Task An_edited_step_moves_in_the_preview_and_is_drafted_so_on_its_day_for_approval()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var step = await StepAsync("job-fair");

        using var refused = await admin.PostFormAsync($"{SeasonPlanEndpoints.Path}/steps/{step.Id}", Form(step, offset: "十二"), from: SeasonPlanEndpoints.Path);
        using var saved = await admin.PostFormAsync($"{SeasonPlanEndpoints.Path}/steps/{step.Id}", Form(step, offset: "12", text: "正月十三县体育馆招聘会。"), from: SeasonPlanEndpoints.Path);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("相对春节的天数请填整数", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("2月18日（正月十三）", await admin.GetStringAsync(SeasonPlanEndpoints.Path), StringComparison.Ordinal);

        _clock.SetUtcNow(ChinaTime.At(new DateOnly(2027, 2, 4), new TimeOnly(9, 0)));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeasonPlanJob>().RunAsync(default);
        }

        await using var check = _factory.Services.CreateAsyncScope();
        var draft = await check.ServiceProvider.GetRequiredService<PingtangDb>().Campaigns.AsNoTracking().SingleAsync();
        Assert.Equal(("正月十三县体育馆招聘会。", CampaignState.Draft), (draft.Text, draft.State));
        // Two months on, the morning's sign-in has long expired.
        using var later = await StaffClient.SignInAsync(_factory, Password);
        Assert.Contains($"href=\"{BroadcastStaffEndpoints.Path}/{draft.Id}\"", await later.GetStringAsync(SeasonPlanEndpoints.Path), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), a => a.What == "修改返岗季计划步骤" && a.Target == $"{step.Id}");
    }

    [Fact]
    public async Task A_step_form_without_its_antiforgery_token_changes_nothing()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var step = await StepAsync("job-fair");
        using var content = new FormUrlEncodedContent(Form(step, offset: "1"));

        using var response = await admin.PostAsync($"{SeasonPlanEndpoints.Path}/steps/{step.Id}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(9, (await StepAsync("job-fair")).OffsetDays);
    }

    private static Dictionary<string, string> Form(SeasonStep step, string offset, string? text = null) => new()
    {
        ["title"] = step.Title,
        ["offset"] = offset,
        ["sendAt"] = "10:00",
        ["text"] = text ?? step.Text,
        ["trip"] = step.Audience.Trip.ToString(),
        ["enabled"] = "on",
    };

    private async Task<SeasonStep> StepAsync(string key)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().SeasonSteps.AsNoTracking().SingleAsync(s => s.Key == key);
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }
}
