using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;
using Pingtang.Bot.Sheets;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>
/// 培训管理 for administrators, under <c>/staff/training</c>: upcoming sessions per course, create, edit, move and
/// cancel a session (its workers are told through the outbox), the roster with attendance and
/// completion, counts per course, and the import of the county's session sheet. Exports are .xlsx.
/// </summary>
public static class TrainingStaffEndpoints
{
    public const string Path = "/console/training";

    public static WebApplication MapTrainingStaff(this WebApplication app)
    {
        var training = app.MapStaffArea(Path);
        training.MapGet("/", ListAsync);
        training.MapGet("/new", NewAsync);
        training.MapPost("/new", CreateAsync);
        training.MapGet("/{id:int}", SessionAsync);
        training.MapPost("/{id:int}", ChangeAsync);
        training.MapPost("/{id:int}/cancel", CancelAsync);
        training.MapGet("/{id:int}/roster.xlsx", RosterExportAsync);
        training.MapPost("/enrolments/{id:int}/{mark:regex(^(attended|completed)$)}", MarkAsync);
        training.MapGet("/counts", async (PingtangDb db, CancellationToken ct) => TrainingStaffPages.Counts(await CourseCounts.ForAllCoursesAsync(db, null, ct)));
        training.MapGet("/counts.xlsx", CountsExportAsync);
        training.MapPost("/import", ImportAsync).WithMetadata(new RequestSizeLimitAttribute(SheetUpload.MaxBytes));
        return app;
    }

    private static async Task<IResult> ListAsync(PingtangDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var sessions = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.EndsOn >= today)
            .OrderBy(s => s.CourseId).ThenBy(s => s.StartsOn)
            .Select(s => new TrainingStaffPages.SessionRow(
                s.Id, s.Course!.Name, s.ExternalId, s.Place, s.StartsOn, s.EndsOn, s.Seats, s.SeatsTaken,
                db.Enrolments.Count(e => e.SessionId == s.Id && e.Status == EnrolmentStatus.Waiting), s.CancelledAt != null))
            .ToListAsync(cancellationToken);
        return TrainingStaffPages.List(sessions);
    }

    private static async Task<IResult> NewAsync(PingtangDb db, CancellationToken cancellationToken) =>
        TrainingStaffPages.Form(await CoursesAsync(db, cancellationToken), TrainingStaffPages.SessionForm.Empty, problem: null, sessionId: null);

    private static async Task<IResult> CreateAsync(HttpContext http, PingtangDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = TrainingStaffPages.SessionForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var courses = await CoursesAsync(db, cancellationToken);
        var today = ChinaTime.Today(time);
        var (details, problem) = form.Details(today);
        problem ??= courses.Any(c => c.Id == form.CourseId) ? details!.Validate(today) : TrainingStaffPages.ChooseCourse;
        if (problem is not null)
        {
            return TrainingStaffPages.Form(courses, form, problem, sessionId: null);
        }

        var session = TrainingSession.Plan(form.CourseId, details!, today);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Redirect($"{Path}/{session.Id}");
    }

    private static async Task<IResult> SessionAsync(int id, PingtangDb db, CancellationToken cancellationToken) =>
        await db.TrainingSessions.AsNoTracking().Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } session
            ? TrainingStaffPages.Session(session, await RosterAsync(db, id, cancellationToken), TrainingStaffPages.SessionForm.Of(session), problem: null)
            : TrainingStaffPages.NotFound();

    /// <summary>Saves the edit form; a new place, date or time is a move, and the session's workers are told.</summary>
    private static async Task<IResult> ChangeAsync(int id, HttpContext http, PingtangDb db, TrainingSessionChanges changes, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = TrainingStaffPages.SessionForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var (details, problem) = form.Details(ChinaTime.Today(time));
        IReadOnlyList<int>? told = [];
        if (problem is null)
        {
            try
            {
                told = await changes.ChangeAsync(id, details!, cancellationToken);
            }
            catch (DomainException e)
            {
                problem = e.Message;
            }
        }

        db.ChangeTracker.Clear();
        if (told is null || await db.TrainingSessions.AsNoTracking().Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } session)
        {
            return TrainingStaffPages.NotFound();
        }

        if (problem is not null)
        {
            return TrainingStaffPages.Session(session, await RosterAsync(db, id, cancellationToken), form, problem);
        }

        return Results.Redirect($"{Path}/{id}?told={told.Count}");
    }

    private static async Task<IResult> CancelAsync(int id, TrainingSessionChanges changes, CancellationToken cancellationToken)
    {
        var told = await changes.CancelAsync(id, cancellationToken);
        if (told is null)
        {
            return TrainingStaffPages.NotFound();
        }

        return Results.Redirect($"{Path}/{id}?told={told.Count}");
    }

    private static async Task<IResult> MarkAsync(int id, string mark, PingtangDb db, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enrolment is null)
        {
            return TrainingStaffPages.NotFound();
        }

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
            return TrainingStaffPages.Problem(e.Message, $"{Path}/{enrolment.SessionId}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return Results.Redirect($"{Path}/{enrolment.SessionId}");
    }

    private static async Task<IResult> RosterExportAsync(int id, PingtangDb db, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return TrainingStaffPages.NotFound();
        }

        var roster = await RosterAsync(db, id, cancellationToken);
        loggers.CreateLogger(typeof(TrainingStaffEndpoints)).LogInformation("Exported the roster of {Count} of session {SessionId}", roster.Count, id);
        var rows = roster.Select(r => new RosterExportRow(r.Name, r.Mobile, TrainingStaffPages.StatusText(r.Status), r.Position, r.Code, r.HomeTownship));
        return await XlsxDownload.FileAsync(rows, $"花名册-{session.Course!.Name}-{session.StartsOn:yyyyMMdd}.xlsx", cancellationToken);
    }

    private static async Task<IResult> CountsExportAsync(PingtangDb db, CancellationToken cancellationToken)
    {
        var rows = (await CourseCounts.ForAllCoursesAsync(db, null, cancellationToken))
            .Select(c => new CountsExportRow(c.Course, c.Sessions, c.Enrolled, c.Waiting, c.Attended, c.Completed));
        return await XlsxDownload.FileAsync(rows, "培训统计.xlsx", cancellationToken);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, TrainingSessionImport import, CancellationToken cancellationToken)
    {
        var (file, problem) = await SheetUpload.ReadAsync(http, Path, TrainingStaffPages.BackText, cancellationToken);
        if (file is null)
        {
            return problem!;
        }

        await using var stream = file.OpenReadStream();
        var result = await import.ImportFileAsync(stream, file.FileName, cancellationToken);
        return ImportReportPage.Html(result.Report, Path, TrainingStaffPages.BackText);
    }

    private static Task<List<TrainingStaffPages.CourseOption>> CoursesAsync(PingtangDb db, CancellationToken cancellationToken) =>
        db.Courses.AsNoTracking().OrderBy(c => c.Id).Select(c => new TrainingStaffPages.CourseOption(c.Id, c.Name)).ToListAsync(cancellationToken);

    /// <summary>Everyone who enrolled, seats first then the waiting list in its order, with each waiting position.</summary>
    private static async Task<List<TrainingStaffPages.RosterRow>> RosterAsync(PingtangDb db, int sessionId, CancellationToken cancellationToken)
    {
        var rows = await db.Enrolments.AsNoTracking()
            .Where(e => e.SessionId == sessionId)
            .OrderBy(e => e.Status == EnrolmentStatus.Waiting).ThenBy(e => e.Status == EnrolmentStatus.Cancelled).ThenBy(e => e.Id)
            .Select(e => new TrainingStaffPages.RosterRow(e.Id, e.Worker!.Name, e.Worker.Mobile, e.Worker.HomeTownship, e.Status, e.Code, null))
            .ToListAsync(cancellationToken);
        var position = 0;
        return [.. rows.Select(r => r.Status == EnrolmentStatus.Waiting ? r with { Position = ++position } : r)];
    }

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
