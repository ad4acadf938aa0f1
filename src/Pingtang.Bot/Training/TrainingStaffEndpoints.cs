using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;
using Pingtang.Bot.Sheets;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>
/// 培训管理 in the console, under <c>/console/training</c>: a station's staff plan, edit, move and cancel the
/// sessions their station runs (the workers are told through the outbox), keep the roster with attendance and
/// completion, and read the counts per course; an admin does so for every station and imports the county's session
/// sheet. Another station's session or enrolment is refused like one that does not exist. Exports are .xlsx.
/// </summary>
public static class TrainingStaffEndpoints
{
    public const string Path = "/console/training";

    public const string Title = "培训管理";

    public const string BackText = "返回培训管理";

    public static WebApplication MapTrainingStaff(this WebApplication app)
    {
        var training = app.MapStaffArea(Path, StaffAccess.StaffPolicy);
        training.MapGet("/", ListAsync);
        training.MapGet("/new", async (ClaimsPrincipal user, StationSessions sessions, PingtangDb db, CancellationToken ct) =>
            await FormPageAsync(StaffIdentity.Of(user), sessions, db, SessionForm.Empty, null, ct));
        training.MapPost("/new", CreateAsync);
        training.MapGet("/{id:int}", SessionAsync);
        training.MapPost("/{id:int}", ChangeAsync);
        training.MapPost("/{id:int}/cancel", CancelAsync);
        training.MapGet("/{id:int}/roster.xlsx", RosterExportAsync);
        training.MapPost("/enrolments/{id:int}/{mark:regex(^(attended|completed)$)}", MarkAsync);
        training.MapGet("/counts", CountsAsync);
        training.MapGet("/counts.xlsx", CountsExportAsync);
        // The county's sheet spans the stations: an admin's to load.
        training.MapPost("/import", ImportAsync).RequireAuthorization(StaffAccess.AdminPolicy).WithMetadata(new RequestSizeLimitAttribute(SheetUpload.MaxBytes));
        return app;
    }

    public static string StatusText(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Confirmed => "已确认",
        EnrolmentStatus.Waiting => "候补",
        EnrolmentStatus.Cancelled => "已取消",
        EnrolmentStatus.Attended => "已到课",
        EnrolmentStatus.Completed => "已结业",
        _ => status.ToString(),
    };

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, StationSessions sessions, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(user);
        var lines = await sessions.UpcomingAsync(staff.ListedStation(), ChinaTime.Today(time), cancellationToken);
        await audit.RecordAsync(user, AuditKind.View, "查看培训班列表", null, staff.AuditedStation(), cancellationToken);
        return ConsolePage.Show<TrainingListPage>(new { Sessions = lines, AllStations = staff.IsAdmin });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, StationSessions sessions, PingtangDb db, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(http.User);
        var form = SessionForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var courses = await sessions.CoursesAsync(cancellationToken);
        var today = ChinaTime.Today(time);
        var (details, problem) = form.Details(today);
        problem ??= courses.Any(c => c.Id == form.CourseId) ? null : SessionForm.ChooseCourse;
        var station = staff.IsAdmin ? form.StationId : staff.StationId ?? 0;
        problem ??= await db.Stations.AnyAsync(s => s.Id == station, cancellationToken) ? null : "请选择站点";
        if (problem is not null)
        {
            return await FormPageAsync(staff, sessions, db, form, problem, cancellationToken);
        }

        var session = TrainingSession.Plan(form.CourseId, details!, today, stationId: station);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(http.User, AuditKind.Action, "新建培训班", $"{session.Id}", station, cancellationToken);
        return Results.Redirect($"{Path}/{session.Id}");
    }

    private static async Task<IResult> SessionAsync(int id, int? told, ClaimsPrincipal user, StationSessions sessions, StaffAudit audit, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, user, sessions, cancellationToken) is not { } session)
        {
            return ConsolePage.Forbidden();
        }

        var page = await SessionPageAsync(session, sessions, SessionForm.Of(session), null, told, cancellationToken);
        await audit.RecordAsync(user, AuditKind.View, "查看花名册", $"{id}", session.StationId, cancellationToken);
        return page;
    }

    /// <summary>Saves the edit form; a new place, date or time is a move, and the session's workers are told.</summary>
    private static async Task<IResult> ChangeAsync(int id, HttpContext http, StationSessions sessions, TrainingSessionChanges changes, PingtangDb db, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, http.User, sessions, cancellationToken) is not { } session)
        {
            return ConsolePage.Forbidden();
        }

        var form = SessionForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var (details, problem) = form.Details(ChinaTime.Today(time));
        IReadOnlyList<int>? told = null;
        if (problem is null)
        {
            try
            {
                told = await changes.ChangeAsync(id, details!, cancellationToken);
            }
            catch (DomainException e)
            {
                problem = e.Message;
                db.ChangeTracker.Clear();
            }
        }

        if (problem is not null)
        {
            return await SessionPageAsync(session, sessions, form, problem, null, cancellationToken);
        }

        if (told is null)
        {
            return ConsolePage.Forbidden();
        }

        await audit.RecordAsync(http.User, AuditKind.Action, $"修改培训班（通知 {told.Count} 人）", $"{id}", session.StationId, cancellationToken);
        return Results.Redirect($"{Path}/{id}?told={told.Count}");
    }

    private static async Task<IResult> CancelAsync(int id, ClaimsPrincipal user, StationSessions sessions, TrainingSessionChanges changes, StaffAudit audit, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, user, sessions, cancellationToken) is not { } session || await changes.CancelAsync(id, cancellationToken) is not { } told)
        {
            return ConsolePage.Forbidden();
        }

        await audit.RecordAsync(user, AuditKind.Action, $"停课（通知 {told.Count} 人）", $"{id}", session.StationId, cancellationToken);
        return Results.Redirect($"{Path}/{id}?told={told.Count}");
    }

    private static async Task<IResult> MarkAsync(int id, string mark, ClaimsPrincipal user, StationSessions sessions, PingtangDb db, StaffAudit audit, CancellationToken cancellationToken)
    {
        if (await sessions.StationOfEnrolmentAsync(id, cancellationToken) is not { } station || !StaffIdentity.Of(user).MaySee(station))
        {
            return ConsolePage.Forbidden();
        }

        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == id, cancellationToken);
        var back = $"{Path}/{enrolment.SessionId}";
        try
        {
            if (mark == "attended")
            {
                enrolment.MarkAttended();
            }
            else
            {
                enrolment.MarkCompleted();
            }
        }
        catch (DomainException e)
        {
            return ConsolePage.Notice("无法记录", e.Message, StatusCodes.Status409Conflict, back);
        }

        audit.Add(user, AuditKind.Action, mark == "attended" ? "记到课" : "记结业", $"{id}", station);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Redirect(back);
    }

    private static async Task<IResult> RosterExportAsync(int id, ClaimsPrincipal user, StationSessions sessions, StaffAudit audit, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, user, sessions, cancellationToken) is not { } session)
        {
            return ConsolePage.Forbidden();
        }

        var roster = await sessions.RosterAsync(id, cancellationToken);
        loggers.CreateLogger(typeof(TrainingStaffEndpoints)).LogInformation("Exported the roster of {Count} of session {SessionId}", roster.Count, id);
        await audit.RecordAsync(user, AuditKind.Export, $"导出花名册（{roster.Count} 人）", $"{id}", session.StationId, cancellationToken);
        var rows = roster.Select(r => new RosterExportRow(r.Name, r.Mobile, StatusText(r.Status), r.Position, r.Code, r.HomeTownship));
        return await XlsxDownload.FileAsync(rows, $"花名册-{session.Course!.Name}-{session.StartsOn:yyyyMMdd}.xlsx", cancellationToken);
    }

    private static async Task<IResult> CountsAsync(ClaimsPrincipal user, PingtangDb db, StaffAudit audit, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(user);
        var counts = await CourseCounts.ForAllCoursesAsync(db, staff.ListedStation(), cancellationToken);
        await audit.RecordAsync(user, AuditKind.View, "查看培训统计", null, staff.AuditedStation(), cancellationToken);
        return ConsolePage.Show<CourseCountsPage>(new { Counts = counts });
    }

    private static async Task<IResult> CountsExportAsync(ClaimsPrincipal user, PingtangDb db, StaffAudit audit, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(user);
        var rows = (await CourseCounts.ForAllCoursesAsync(db, staff.ListedStation(), cancellationToken))
            .Select(c => new CountsExportRow(c.Course, c.Sessions, c.Enrolled, c.Waiting, c.Attended, c.Completed));
        await audit.RecordAsync(user, AuditKind.Export, "导出培训统计", null, staff.AuditedStation(), cancellationToken);
        return await XlsxDownload.FileAsync(rows, "培训统计.xlsx", cancellationToken);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, TrainingSessionImport import, StaffAudit audit, CancellationToken cancellationToken)
    {
        var (file, problem) = await SheetUpload.ReadAsync(http, Path, cancellationToken);
        if (file is null)
        {
            return problem!;
        }

        await using var stream = file.OpenReadStream();
        var report = (await import.ImportFileAsync(stream, file.FileName, cancellationToken)).Report;
        await audit.RecordAsync(http.User, AuditKind.Action, $"导入培训班表（新增 {report.Added}，更新 {report.Updated}，跳过 {report.Skipped}）", report.Source, null, cancellationToken);
        return ImportReportPage.Of(report, Path, BackText);
    }

    /// <summary>The session, when there is one and it is the member's station's (or they are an admin); null otherwise.</summary>
    private static async Task<TrainingSession?> SeenAsync(int id, ClaimsPrincipal user, StationSessions sessions, CancellationToken cancellationToken) =>
        await sessions.FindAsync(id, cancellationToken) is { } session && StaffIdentity.Of(user).MaySee(session.StationId) ? session : null;

    private static async Task<IResult> FormPageAsync(StaffUser staff, StationSessions sessions, PingtangDb db, SessionForm form, string? problem, CancellationToken cancellationToken) =>
        ConsolePage.Show<SessionFormPage>(
            new
            {
                Courses = await sessions.CoursesAsync(cancellationToken),
                Stations = staff.IsAdmin ? await db.Stations.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken) : [],
                Form = form,
                Problem = problem,
            },
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static async Task<IResult> SessionPageAsync(TrainingSession session, StationSessions sessions, SessionForm form, string? problem, int? told, CancellationToken cancellationToken) =>
        ConsolePage.Show<SessionPage>(
            new { Session = session, Roster = await sessions.RosterAsync(session.Id, cancellationToken), Form = form, Problem = problem, Told = told },
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    /// <summary>One line of the roster export; the mobile stays text so Excel keeps all eleven digits.</summary>
    private sealed record RosterExportRow(
        [property: ExcelColumnName("姓名")] string? Name,
        [property: ExcelColumnName("手机号")] string? Mobile,
        [property: ExcelColumnName("状态")] string Status,
        [property: ExcelColumnName("候补位次")] int? Position,
        [property: ExcelColumnName("报名码")] string Code,
        [property: ExcelColumnName("户籍乡镇")] string? HomeTownship);

    private sealed record CountsExportRow(
        [property: ExcelColumnName("课程")] string Course,
        [property: ExcelColumnName("班次")] int Sessions,
        [property: ExcelColumnName("报名确认")] int Enrolled,
        [property: ExcelColumnName("候补")] int Waiting,
        [property: ExcelColumnName("到课")] int Attended,
        [property: ExcelColumnName("结业")] int Completed);
}
