using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Sheets;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Jobs;

public sealed class JobStaffTests : IDisposable
{
    private const string Password = "test-admin-password";

    /// <summary>10:00 on 2026-11-29 in China.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = new(2026, 11, 29);

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?>(), new FakeTimeProvider(Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Admin_uploads_a_sheet_sees_the_report_and_finds_the_postings()
    {
        using var staff = await SignInAsync();
        var drafts = DemoJobs.Generate(3, Today).ToList();

        using var response = await UploadAsync(staff, Xlsx(drafts[0], drafts[1] with { Title = "" }, drafts[2]), "白云站岗位.xlsx");
        var report = await response.Content.ReadAsStringAsync();
        var found = await staff.GetStringAsync($"/console/jobs?q={drafts[2].ExternalId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件：白云站岗位.xlsx", report, StringComparison.Ordinal);
        Assert.Contains("导入完成：新增 2 条，更新 0 条，跳过 1 行（1 个问题）", report, StringComparison.Ordinal);
        Assert.Contains("<tr><td>3</td><td>岗位名称</td><td>不能为空</td></tr>", report, StringComparison.Ordinal);
        Assert.Contains("找到 1 个岗位", found, StringComparison.Ordinal);
        Assert.Contains($">{drafts[2].ExternalId}</a>", found, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Whatever_came_from_the_sheet_is_html_encoded()
    {
        using var staff = await SignInAsync();
        var draft = DemoJobs.Generate(2, Today).ToList();

        using var response = await UploadAsync(staff, Xlsx(draft[0] with { Title = "<script>alert(1)</script>" }, draft[1] with { Station = "<b>某站</b>" }), "jobs.xlsx");
        var report = await response.Content.ReadAsStringAsync();
        var list = await staff.GetStringAsync("/console/jobs");

        Assert.Contains("「&lt;b&gt;某站&lt;/b&gt;」", report, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>某站", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jobs.txt", 100, HttpStatusCode.BadRequest, SheetTexts.WrongExtension)]
    [InlineData("jobs.xlsx", 0, HttpStatusCode.BadRequest, ImportTexts.NoFile)]
    [InlineData("jobs.xlsx", (int)SheetUpload.MaxBytes + 1, HttpStatusCode.RequestEntityTooLarge, SheetUpload.TooLarge)]
    [InlineData("jobs.xlsx", 100, HttpStatusCode.BadRequest, SheetTexts.UnreadableXlsx)]
    public async Task A_wrong_upload_gets_a_clear_answer_and_changes_nothing(string fileName, int size, HttpStatusCode status, string message)
    {
        using var staff = await SignInAsync();

        using var response = await UploadAsync(staff, new byte[size], fileName);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountPostingsAsync());
    }

    [Fact]
    public async Task The_template_has_the_headers_and_an_example_row_that_imports()
    {
        using var staff = await SignInAsync();

        var template = await staff.GetByteArrayAsync("/console/jobs/template.xlsx");
        using var response = await UploadAsync(staff, template, "岗位导入模板.xlsx");

        Assert.Equal(JobPostingDraft.Columns.All, MiniExcel.GetColumns(new MemoryStream(template), useHeaderRow: true));
        Assert.Contains("新增 1 条", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postings_applicants_are_listed_and_exported_as_xlsx_with_chinese_headers()
    {
        using var staff = await SignInAsync();
        using (await UploadAsync(staff, Xlsx([.. DemoJobs.Generate(1, Today)]), "jobs.xlsx"))
        {
        }

        var postingId = await ApplyAsync(new WorkerProfile("王师傅", "13812345678", 1978, "掌布镇", "东莞", ["电工"], true));
        var page = await staff.GetStringAsync($"/console/jobs/{postingId}");
        using var export = await staff.GetAsync($"/console/jobs/{postingId}/applications.xlsx");
        var rows = MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Contains("<td>王师傅</td><td>13812345678</td><td>1978</td><td>掌布镇</td><td>2026-11-29 10:00</td>", page, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("报名表-DEMO-000001.xlsx", export.Content.Headers.ContentDisposition?.FileNameStar);
        var row = Assert.Single(rows);
        Assert.Equal(["姓名", "手机号", "出生年份", "户籍乡镇", "报名时间"], row.Keys);
        Assert.Equal(["王师傅", "13812345678", 1978d, "掌布镇", "2026-11-29 10:00"], row.Values);
    }

    [Fact]
    public async Task An_unknown_posting_is_refused_as_another_stations_is()
    {
        using var staff = await SignInAsync();

        using var page = await staff.GetAsync("/console/jobs/999");
        using var export = await staff.GetAsync("/console/jobs/999/applications.xlsx");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.StatusCode, export.StatusCode));
    }

    [Fact]
    public async Task Without_signing_in_nobody_gets_data_or_imports()
    {
        using (var staff = await SignInAsync())
        using (await UploadAsync(staff, Xlsx([.. DemoJobs.Generate(1, Today)]), "jobs.xlsx"))
        {
        }

        var postingId = await ApplyAsync(new WorkerProfile("王师傅", "13812345678", 1978, "掌布镇", "东莞", ["电工"], true));
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/console", "/console/jobs", $"/console/jobs/{postingId}", $"/console/jobs/{postingId}/applications.xlsx", "/console/jobs/template.xlsx" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/console/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
            Assert.DoesNotContain("13812345678", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var upload = await UploadAsync(anonymous, Xlsx([.. DemoJobs.Generate(5, Today)]), "jobs.xlsx", from: StaffAccess.LoginPath);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal(1, await CountPostingsAsync());
    }

    [Fact]
    public async Task The_staff_home_links_to_the_job_pages() =>
        Assert.Contains("href=\"/console/jobs\"", await (await SignInAsync()).GetStringAsync("/console"), StringComparison.Ordinal);

    private Task<HttpClient> SignInAsync() => StaffClient.SignInAsync(_factory, Password, JobStaffEndpoints.Path);

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, string from = JobStaffEndpoints.Path) =>
        client.UploadAsync($"{JobStaffEndpoints.Path}/import", file, fileName, from);

    private static byte[] Xlsx(params JobPostingDraft[] drafts)
    {
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, drafts.Select(JobSheet.CellsOf));
        return file.ToArray();
    }

    /// <summary>A worker with this profile applies for the only posting; returns its id.</summary>
    private async Task<int> ApplyAsync(WorkerProfile profile)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var worker = Worker.Register(Now);
        worker.UpdateProfile(profile, Now);
        db.Workers.Add(worker);
        await db.SaveChangesAsync();
        var postingId = await db.JobPostings.Select(j => j.Id).SingleAsync();
        Assert.Equal(ApplyOutcome.Applied, await scope.ServiceProvider.GetRequiredService<JobApplications>().ApplyAsync(worker.Id, postingId, CancellationToken.None));
        return postingId;
    }

    private async Task<int> CountPostingsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PingtangDb>().JobPostings.CountAsync();
    }
}
