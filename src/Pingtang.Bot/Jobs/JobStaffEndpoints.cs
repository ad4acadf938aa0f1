using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs.Attributes;
using Pingtang.Bot.Sheets;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// 岗位管理 in the console, under <c>/console/jobs</c>: a station's staff find their station's postings, see a
/// posting's applicants and export them as .xlsx to call them; an admin does so for every station, and uploads the
/// stations' sheets and reads the import report. Another station's posting is refused like one that does not exist.
/// </summary>
public static class JobStaffEndpoints
{
    public const string Path = "/console/jobs";

    public const string Title = "岗位管理";

    public const string BackText = "返回岗位管理";

    public const int ListedPostings = 50;

    public static WebApplication MapJobStaff(this WebApplication app)
    {
        var jobs = app.MapStaffArea(Path, StaffAccess.StaffPolicy);
        jobs.MapGet("/", ListAsync);
        // Postings are the county's to load: a station's staff work with what is loaded.
        jobs.MapPost("/import", ImportAsync).RequireAuthorization(StaffAccess.AdminPolicy).WithMetadata(new RequestSizeLimitAttribute(SheetUpload.MaxBytes));
        jobs.MapGet("/template.xlsx", TemplateAsync).RequireAuthorization(StaffAccess.AdminPolicy);
        jobs.MapGet("/{id:int}", PostingAsync);
        jobs.MapGet("/{id:int}/applications.xlsx", ExportAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(string? q, ClaimsPrincipal user, StationPostings postings, StaffAudit audit, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(user);
        var search = q?.Trim() ?? "";
        var page = await postings.FindAsync(staff.ListedStation(), search, ListedPostings, cancellationToken);
        await audit.RecordAsync(user, AuditKind.View, "查看岗位列表", search.Length > 0 ? search : null, staff.AuditedStation(), cancellationToken);
        return ConsolePage.Show<JobListPage>(new { Search = search, Page = page, AllStations = staff.IsAdmin });
    }

    private static async Task<IResult> ImportAsync(HttpContext http, JobImport import, StaffAudit audit, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (file, problem) = await SheetUpload.ReadAsync(http, Path, cancellationToken);
        if (file is null)
        {
            return problem!;
        }

        await using var stream = file.OpenReadStream();
        var report = await import.ImportFileAsync(stream, file.FileName, progress: null, cancellationToken);
        loggers.CreateLogger(typeof(JobStaffEndpoints)).LogInformation(
            "Imported {Source}: {Added} added, {Updated} updated, {Skipped} skipped, unreadable file: {Unreadable}",
            report.Source,
            report.Added,
            report.Updated,
            report.Skipped,
            report.FileError is not null);
        await audit.RecordAsync(http.User, AuditKind.Action, $"导入岗位表（新增 {report.Added}，更新 {report.Updated}，跳过 {report.Skipped}）", report.Source, null, cancellationToken);
        return ImportReportPage.Of(report, Path, BackText);
    }

    /// <summary>An empty sheet with the headers and one example row, to fill in.</summary>
    private static async Task<IResult> TemplateAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var example = DemoJobs.Generate(1, ChinaTime.Today(time)).Single() with { ExternalId = "BY-2027-001" };
        return await XlsxDownload.FileAsync(new[] { JobSheet.CellsOf(example) }, "岗位导入模板.xlsx", cancellationToken);
    }

    private static async Task<IResult> PostingAsync(int id, ClaimsPrincipal user, StationPostings postings, JobApplications applications, StaffAudit audit, CancellationToken cancellationToken)
    {
        if (await postings.FindAsync(id, cancellationToken) is not { } posting || !StaffIdentity.Of(user).MaySee(posting.StationId))
        {
            return ConsolePage.Forbidden();
        }

        var applicants = await applications.ListAsync(id, cancellationToken);
        await audit.RecordAsync(user, AuditKind.View, "查看岗位报名", posting.ExternalId, posting.StationId, cancellationToken);
        return ConsolePage.Show<JobPostingPage>(new { Posting = posting, Applicants = applicants });
    }

    private static async Task<IResult> ExportAsync(int id, ClaimsPrincipal user, StationPostings postings, JobApplications applications, StaffAudit audit, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await postings.FindAsync(id, cancellationToken) is not { } posting || !StaffIdentity.Of(user).MaySee(posting.StationId))
        {
            return ConsolePage.Forbidden();
        }

        var applicants = await applications.ListAsync(id, cancellationToken);
        loggers.CreateLogger(typeof(JobStaffEndpoints)).LogInformation("Exported the {Count} applicants of posting {PostingId}", applicants.Count, id);
        await audit.RecordAsync(user, AuditKind.Export, $"导出报名表（{applicants.Count} 人）", posting.ExternalId, posting.StationId, cancellationToken);
        var rows = applicants.Select(a => new ApplicantRow(a.Name, a.Mobile, a.BirthYear, a.HomeTownship, ChinaTime.Text(a.AppliedAt)));
        return await XlsxDownload.FileAsync(rows, $"报名表-{posting.ExternalId}.xlsx", cancellationToken);
    }

    /// <summary>One applicant in the export; the mobile stays text so Excel keeps all eleven digits.</summary>
    private sealed record ApplicantRow(
        [property: ExcelColumnName("姓名")] string? Name,
        [property: ExcelColumnName("手机号")] string? Mobile,
        [property: ExcelColumnName("出生年份")] int? BirthYear,
        [property: ExcelColumnName("户籍乡镇")] string? HomeTownship,
        [property: ExcelColumnName("报名时间")] string AppliedAt);
}
