using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Outbox;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Tests.Staff;

/// <summary>Named staff accounts, as the county's admin and a station's staff use them through the real host.</summary>
public sealed partial class StaffAccountsTests : IDisposable
{
    private const string AdminPassword = "county-admin-password";

    private const int Baiyun = 2;

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_new_service_has_one_admin_whose_one_time_password_must_be_changed_first()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var members = await scope.ServiceProvider.GetRequiredService<PingtangDb>().StaffMembers.ToListAsync();

        var admin = Assert.Single(members);
        Assert.Equal((FirstAdmin.Account, StaffRole.Admin, true), (admin.Account, admin.Role, admin.MustChangePassword));
        Assert.StartsWith("AQAAAA", admin.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_create_staff_command_prints_a_one_time_password_that_leads_to_the_password_page_and_then_stops_working()
    {
        using var commands = new Commands();
        var (exitCode, output, _) = await commands.RunAsync("create-staff", "wang.fang", "王芳", "--station", "广州市白云区劳务协作站");
        Assert.Equal(0, exitCode);
        var oneTime = OneTime().Match(output).Groups[1].Value;
        using var factory = new PingtangFactory(dataFolder: commands.DataFolder);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signedIn = await browser.SignInAsync("wang.fang", oneTime, StaffAccess.HomePath);
        using var home = await browser.GetAsync(StaffAccess.HomePath);
        using var weak = await browser.PostFormAsync(StaffAccess.PasswordPath, new Dictionary<string, string> { ["current"] = oneTime, ["password"] = "1111111111", ["repeat"] = "1111111111" }, from: StaffAccess.PasswordPath);
        using var changed = await browser.PostFormAsync(StaffAccess.PasswordPath, new Dictionary<string, string> { ["current"] = oneTime, ["password"] = "baiyun-station-2027", ["repeat"] = "baiyun-station-2027" }, from: StaffAccess.PasswordPath);
        using var after = await browser.GetAsync(StaffAccess.HomePath);
        using var stranger = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var reused = await stranger.SignInAsync("wang.fang", oneTime, StaffAccess.HomePath);

        Assert.Matches("^[A-Za-z0-9]{12}$", oneTime);
        Assert.StartsWith(StaffAccess.PasswordPath, signedIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith(StaffAccess.PasswordPath, home.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("王芳（广州市白云区劳务协作站）", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
    }

    [Fact]
    public async Task The_command_refuses_an_unknown_station_and_a_taken_account()
    {
        using var commands = new Commands();
        var unknown = await commands.RunAsync("create-staff", "li", "李四", "--station", "北京站");
        var first = await commands.RunAsync("create-staff", "li", "李四", "--admin");
        var again = await commands.RunAsync("create-staff", "LI", "李四", "--admin");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("东莞市大朗镇劳务协作站", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal((1, StaffWords.AccountTaken), (again.ExitCode, again.Error.Trim()));
    }

    [Fact]
    public async Task An_admin_creates_a_station_account_whose_staff_cannot_reach_admin_pages()
    {
        using var admin = await StaffClient.SignInAsync(_factory, AdminPassword);
        using var created = await admin.PostFormAsync(StaffAccountEndpoints.Path, new Dictionary<string, string> { ["account"] = "chen", ["name"] = "陈晓", ["role"] = "staff", ["station"] = $"{Baiyun}" }, from: StaffAccountEndpoints.Path);
        var page = await created.Content.ReadAsStringAsync();
        var oneTime = Secret().Match(page).Groups[1].Value;
        Assert.True(oneTime.Length > 0, page);
        using var staff = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (await staff.SignInAsync("chen", oneTime, StaffAccess.HomePath))
        {
        }

        using (await staff.PostFormAsync(StaffAccess.PasswordPath, new Dictionary<string, string> { ["current"] = oneTime, ["password"] = "baiyun-2027-xiao", ["repeat"] = "baiyun-2027-xiao" }, from: StaffAccess.PasswordPath))
        {
        }

        var home = await staff.GetStringAsync(StaffAccess.HomePath);
        using var accounts = await staff.GetAsync(StaffAccountEndpoints.Path);
        using var audit = await staff.GetAsync(StaffAccountEndpoints.AuditPath);
        using var outbox = await staff.GetAsync(OutboxStaffEndpoints.Path);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("只显示这一次", page, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffAccountEndpoints.Path, home, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboxStaffEndpoints.Path, home, StringComparison.Ordinal);
        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (accounts.StatusCode, audit.StatusCode, outbox.StatusCode));
    }

    [Fact]
    public async Task Disabling_an_account_or_resetting_its_password_ends_its_sessions_at_once()
    {
        using var admin = await StaffClient.SignInAsync(_factory, AdminPassword);
        using var staff = await StaffClient.SignInAsAsync(_factory, "zhou", "zhou-password-1", StaffRole.Staff, Baiyun);
        var id = await IdOfAsync("zhou");

        using var before = await staff.GetAsync(StaffAccess.HomePath);
        using (await admin.PostFormAsync($"{StaffAccountEndpoints.Path}/{id}/disable", from: StaffAccountEndpoints.Path))
        {
        }

        using var afterDisable = await staff.GetAsync(StaffAccess.HomePath);
        using var signInDisabled = await _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SignInAsync("zhou", "zhou-password-1", StaffAccess.HomePath);
        using (await admin.PostFormAsync($"{StaffAccountEndpoints.Path}/{id}/enable", from: StaffAccountEndpoints.Path))
        {
        }

        using var again = await StaffClient.SignInAsAsync(_factory, "zhou", "zhou-password-1", StaffRole.Staff, Baiyun);
        using (await admin.PostFormAsync($"{StaffAccountEndpoints.Path}/{id}/reset", from: StaffAccountEndpoints.Path))
        {
        }

        using var afterReset = await again.GetAsync(StaffAccess.HomePath);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.StartsWith(StaffAccess.LoginPath, afterDisable.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, signInDisabled.StatusCode);
        Assert.Contains(StaffAccess.DisabledText, await signInDisabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith(StaffAccess.LoginPath, afterReset.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_ins_account_changes_and_exports_are_in_the_audit_log()
    {
        using var admin = await StaffClient.SignInAsync(_factory, AdminPassword);
        using (await admin.PostFormAsync(StaffAccountEndpoints.Path, new Dictionary<string, string> { ["account"] = "liu", ["name"] = "刘洋", ["role"] = "staff", ["station"] = "3" }, from: StaffAccountEndpoints.Path))
        {
        }

        var log = await admin.GetStringAsync($"{StaffAccountEndpoints.AuditPath}?account={StaffClient.Account}");

        Assert.Contains("登录", log, StringComparison.Ordinal);
        Assert.Contains("新建账号（站点工作人员）", log, StringComparison.Ordinal);
        Assert.Contains("<td>liu</td>", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_name_or_display_name_with_markup_is_refused_or_shown_as_text()
    {
        using var admin = await StaffClient.SignInAsync(_factory, AdminPassword);
        using var badAccount = await admin.PostFormAsync(StaffAccountEndpoints.Path, new Dictionary<string, string> { ["account"] = "<script>", ["name"] = "x", ["role"] = "admin" }, from: StaffAccountEndpoints.Path);
        using var markupName = await admin.PostFormAsync(StaffAccountEndpoints.Path, new Dictionary<string, string> { ["account"] = "xss", ["name"] = "<img onerror=x>", ["role"] = "admin" }, from: StaffAccountEndpoints.Path);

        Assert.Equal(HttpStatusCode.BadRequest, badAccount.StatusCode);
        Assert.Contains(StaffWords.BadAccount, await badAccount.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await admin.GetStringAsync(StaffAccountEndpoints.Path);
        Assert.Equal(HttpStatusCode.OK, markupName.StatusCode);
        Assert.DoesNotContain("<img onerror", page, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;img onerror", page, StringComparison.Ordinal);
    }

    private async Task<int> IdOfAsync(string account)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().StaffMembers.Where(s => s.Account == account).Select(s => s.Id).SingleAsync();
    }

    [GeneratedRegex("一次性密码：([A-Za-z0-9]+)")]
    private static partial Regex OneTime();

    [GeneratedRegex("<p class=\"secret\">([A-Za-z0-9]+)</p>")]
    private static partial Regex Secret();
}
