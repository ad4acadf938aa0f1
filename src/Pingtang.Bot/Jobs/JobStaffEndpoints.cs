using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;
using Pingtang.Bot.Sheets;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// 岗位管理 for administrators, under <c>/staff/jobs</c>: upload a station's sheet and read the import report, find
/// postings by 外部编号 or title, see a posting's applicants and export them as .xlsx for the station that calls them.
/// </summary>
public static class JobStaffEndpoints
{
    public const string Path = "/console/jobs";

    public const int ListedPostings = 50;

    public static WebApplication MapJobStaff(this WebApplication app)
    {
        var jobs = app.MapStaffArea(Path);
        jobs.MapGet("/", ListAsync);

        jobs.MapPost("/import", ImportAsync).WithMetadata(new RequestSizeLimitAttribute(SheetUpload.MaxBytes));
        jobs.MapGet("/template.xlsx", TemplateAsync);
        jobs.MapGet("/{id:int}", PostingAsync);
        jobs.MapGet("/{id:int}/applications.xlsx", ExportAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(string? q, PingtangDb db, CancellationToken cancellationToken)
    {
        var search = q?.Trim() ?? "";
        var postings = db.JobPostings.AsNoTracking();
        if (search.Length > 0)
        {
            postings = postings.Where(j => j.ExternalId == search || j.ExternalId.StartsWith(search) || j.Title.Contains(search));
        }

        var total = await postings.CountAsync(cancellationToken);
        var rows = await postings
            .OrderByDescending(j => j.Id)
            .Take(ListedPostings)
            .Select(j => new JobStaffPages.PostingRow(j.Id, j.ExternalId, j.Title, j.Employer, j.City, j.District, j.ClosesOn, db.JobApplications.Count(a => a.JobPostingId == j.Id)))
            .ToListAsync(cancellationToken);
        return JobStaffPages.List(search, total, rows);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, JobImport import, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (file, problem) = await SheetUpload.ReadAsync(http, Path, JobStaffPages.BackText, cancellationToken);
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
        return ImportReportPage.Html(report, Path, JobStaffPages.BackText);
    }

    /// <summary>An empty sheet with the headers and one example row, to fill in.</summary>
    private static async Task<IResult> TemplateAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var example = DemoJobs.Generate(1, ChinaTime.Today(time)).Single() with { ExternalId = "BY-2027-001" };
        return await XlsxDownload.FileAsync(new[] { JobSheet.CellsOf(example) }, "岗位导入模板.xlsx", cancellationToken);
    }

    private static async Task<IResult> PostingAsync(int id, PingtangDb db, JobApplications applications, CancellationToken cancellationToken)
    {
        var posting = await db.JobPostings.AsNoTracking().Include(j => j.Station).SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return posting is null
            ? JobStaffPages.NotFound()
            : JobStaffPages.Posting(posting, await applications.ListAsync(id, cancellationToken));
    }

    private static async Task<IResult> ExportAsync(int id, PingtangDb db, JobApplications applications, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var externalId = await db.JobPostings.Where(j => j.Id == id).Select(j => j.ExternalId).SingleOrDefaultAsync(cancellationToken);
        if (externalId is null)
        {
            return JobStaffPages.NotFound();
        }

        var applicants = await applications.ListAsync(id, cancellationToken);
        loggers.CreateLogger(typeof(JobStaffEndpoints)).LogInformation("Exported the {Count} applicants of posting {PostingId}", applicants.Count, id);
        var rows = applicants.Select(a => new ApplicantRow(a.Name, a.Mobile, a.BirthYear, a.HomeTownship, StaffPage.ChinaTimeText(a.AppliedAt)));
        return await XlsxDownload.FileAsync(rows, $"报名表-{externalId}.xlsx", cancellationToken);
    }

    /// <summary>One applicant in the export; the mobile stays text so Excel keeps all eleven digits.</summary>
    private sealed record ApplicantRow(
        [property: ExcelColumnName("姓名")] string? Name,
        [property: ExcelColumnName("手机号")] string? Mobile,
        [property: ExcelColumnName("出生年份")] int? BirthYear,
        [property: ExcelColumnName("户籍乡镇")] string? HomeTownship,
        [property: ExcelColumnName("报名时间")] string AppliedAt);
}
