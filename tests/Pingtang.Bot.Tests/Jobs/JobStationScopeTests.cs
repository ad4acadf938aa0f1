using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Stations;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>岗位管理 for a station's staff: their station's postings and applicants, and nothing of another station's.</summary>
public sealed class JobStationScopeTests : IDisposable
{
    private const string Password = "test-staff-password";

    private const int Baiyun = 2;

    private const int Dalang = 3;

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?>(), new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Baiyun_staff_see_their_postings_and_applicants_but_not_dalangs()
    {
        var (baiyun, dalang) = await PostingsWithApplicantsAsync();
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        var list = await staff.GetStringAsync(JobStaffEndpoints.Path);
        var page = await staff.GetStringAsync($"{JobStaffEndpoints.Path}/{baiyun}");
        using var export = await staff.GetAsync($"{JobStaffEndpoints.Path}/{baiyun}/applications.xlsx");

        Assert.Contains("BY-001", list, StringComparison.Ordinal);
        Assert.DoesNotContain("DL-001", list, StringComparison.Ordinal);
        Assert.Contains("共 1 个岗位", list, StringComparison.Ordinal);
        Assert.Contains("<td>白云工</td><td>13800000001</td>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.DoesNotContain("/import", list, StringComparison.Ordinal);
        foreach (var path in new[] { $"{JobStaffEndpoints.Path}/{dalang}", $"{JobStaffEndpoints.Path}/{dalang}/applications.xlsx" })
        {
            using var refused = await staff.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("13800000002", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_admin_sees_every_stations_postings_and_applicants()
    {
        var (baiyun, dalang) = await PostingsWithApplicantsAsync();
        using var admin = await StaffClient.SignInAsync(_factory, Password);

        var list = await admin.GetStringAsync(JobStaffEndpoints.Path);
        using var baiyunPage = await admin.GetAsync($"{JobStaffEndpoints.Path}/{baiyun}");
        using var dalangExport = await admin.GetAsync($"{JobStaffEndpoints.Path}/{dalang}/applications.xlsx");

        Assert.Contains("BY-001", list, StringComparison.Ordinal);
        Assert.Contains("DL-001", list, StringComparison.Ordinal);
        Assert.Contains($"<td>{Station.DongguanDalang}</td>", list, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (baiyunPage.StatusCode, dalangExport.StatusCode));
    }

    [Fact]
    public async Task Station_staff_may_not_import_postings_or_take_the_template()
    {
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        using var template = await staff.GetAsync($"{JobStaffEndpoints.Path}/template.xlsx");
        using var upload = await staff.UploadAsync($"{JobStaffEndpoints.Path}/import", "外部编号\nX-1\n"u8.ToArray(), "jobs.csv", from: JobStaffEndpoints.Path);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (template.StatusCode, upload.StatusCode));
    }

    [Fact]
    public async Task Views_and_exports_of_applicants_are_in_the_audit_log_with_the_postings_station()
    {
        var (baiyun, dalang) = await PostingsWithApplicantsAsync();
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        (await staff.GetAsync(JobStaffEndpoints.Path)).Dispose();
        (await staff.GetAsync($"{JobStaffEndpoints.Path}/{baiyun}")).Dispose();
        (await staff.GetAsync($"{JobStaffEndpoints.Path}/{baiyun}/applications.xlsx")).Dispose();
        (await staff.GetAsync($"{JobStaffEndpoints.Path}/{dalang}/applications.xlsx")).Dispose();

        var log = await AuditAsync("baiyun");
        Assert.Equal(
            [(AuditKind.View, "查看岗位列表", null, Baiyun), (AuditKind.View, "查看岗位报名", "BY-001", Baiyun), (AuditKind.Export, "导出报名表（1 人）", "BY-001", Baiyun)],
            log);
    }

    [Fact]
    public async Task An_import_is_in_the_audit_log()
    {
        using var admin = await StaffClient.SignInAsync(_factory, Password);
        var csv = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", "外部编号,岗位名称", "X-1,电工"));

        (await admin.UploadAsync($"{JobStaffEndpoints.Path}/import", csv, "白云站.csv", from: JobStaffEndpoints.Path)).Dispose();

        Assert.Contains(await AuditAsync(StaffClient.Account), line => line is (AuditKind.Action, _, "白云站.csv", null) && line.What.StartsWith("导入岗位表", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_workers_script_for_a_name_is_shown_as_text()
    {
        var (baiyun, _) = await PostingsWithApplicantsAsync("<script>alert(1)");
        using var staff = await StaffClient.SignInAsAsync(_factory, "baiyun", Password, StaffRole.Staff, Baiyun);

        var page = await staff.GetStringAsync($"{JobStaffEndpoints.Path}/{baiyun}");

        Assert.Contains("&lt;script&gt;alert(1)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
    }

    /// <summary>A 白云 posting BY-001 and a 大朗 one DL-001, each with one applicant; returns their ids.</summary>
    private async Task<(int Baiyun, int Dalang)> PostingsWithApplicantsAsync(string baiyunName = "白云工")
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var drafts = DemoJobs.Generate(2, ChinaTime.Today(services.GetRequiredService<TimeProvider>())).ToList();
        var report = await services.GetRequiredService<JobImport>().ImportDraftsAsync(
            [drafts[0] with { ExternalId = "BY-001", Station = Station.GuangzhouBaiyun }, drafts[1] with { ExternalId = "DL-001", Station = Station.DongguanDalang }],
            2,
            "test",
            null,
            default);
        Assert.Equal(2, report.Added);
        var db = services.GetRequiredService<PingtangDb>();
        var baiyun = await db.JobPostings.Where(j => j.ExternalId == "BY-001").Select(j => j.Id).SingleAsync();
        var dalang = await db.JobPostings.Where(j => j.ExternalId == "DL-001").Select(j => j.Id).SingleAsync();
        await ApplyAsync(services, baiyun, baiyunName, "13800000001");
        await ApplyAsync(services, dalang, "大朗工", "13800000002");
        return (baiyun, dalang);
    }

    private static async Task ApplyAsync(IServiceProvider services, int postingId, string name, string mobile)
    {
        var worker = await WorkerProfiles.AddAsync(services.GetRequiredService<PingtangDb>(), name, mobile);
        Assert.Equal(ApplyOutcome.Applied, await services.GetRequiredService<JobApplications>().ApplyAsync(worker, postingId, default));
    }

    private async Task<List<(AuditKind Kind, string What, string? Target, int? StationId)>> AuditAsync(string account)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var lines = await scope.ServiceProvider.GetRequiredService<PingtangDb>().AuditLog.AsNoTracking()
            .Where(a => a.Account == account && a.Kind != AuditKind.Account).OrderBy(a => a.Id).ToListAsync();
        return [.. lines.Select(a => (a.Kind, a.What, a.Target, a.StationId))];
    }
}
