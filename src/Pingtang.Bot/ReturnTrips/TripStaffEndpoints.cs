using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Sheets;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>
/// 返岗专车 in the console, under <c>/console/trips</c>: a station's staff plan, edit and cancel the departures their
/// station organises (the travellers are told through the outbox), keep the passenger lists by pickup point and
/// export them, and give the 车长 the boarding link; an admin does so for every station, imports the county's
/// departure sheet, and alone may export the list with whole ID numbers. Another station's departure is refused like
/// one that does not exist.
/// </summary>
public static class TripStaffEndpoints
{
    public const string Path = "/console/trips";

    public static WebApplication MapTripStaff(this WebApplication app)
    {
        var trips = app.MapStaffArea(Path, StaffAccess.StaffPolicy);
        trips.MapGet("/", ListAsync);
        trips.MapGet("/new", async (ClaimsPrincipal user, PingtangDb db, CancellationToken ct) => await FormPageAsync(StaffIdentity.Of(user), db, TripForm.Empty, null, ct));
        trips.MapPost("/new", CreateAsync);
        trips.MapGet("/{id:int}", TripAsync);
        trips.MapPost("/{id:int}", ChangeAsync);
        trips.MapPost("/{id:int}/cancel", CancelAsync);
        trips.MapPost("/{id:int}/boarding-key", RenewKeyAsync);
        trips.MapGet("/{id:int}/passengers.xlsx", (int id, HttpContext http, StationTrips stations, StaffAudit audit, IIdNumberProtector ids, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
            ExportAsync(id, withIdNumbers: false, http, stations, audit, ids, time, logs, ct));
        // Whole ID numbers are for the real-name ticket office: an admin's, asked for on purpose, never a link to follow.
        trips.MapPost("/{id:int}/passengers-with-ids.xlsx", (int id, HttpContext http, StationTrips stations, StaffAudit audit, IIdNumberProtector ids, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
            ExportAsync(id, withIdNumbers: true, http, stations, audit, ids, time, logs, ct)).RequireAuthorization(StaffAccess.AdminPolicy);
        // The county's sheet spans the stations: an admin's to load.
        trips.MapPost("/import", ImportAsync).RequireAuthorization(StaffAccess.AdminPolicy).WithMetadata(new RequestSizeLimitAttribute(SheetUpload.MaxBytes));
        return app;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, StationTrips trips, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(user);
        var lines = await trips.ListAsync(staff.ListedStation(), ChinaTime.Today(time), cancellationToken);
        await audit.RecordAsync(user, AuditKind.View, "查看返岗班次列表", null, staff.AuditedStation(), cancellationToken);
        return ConsolePage.Show<TripListPage>(new { Trips = lines, AllStations = staff.IsAdmin, Today = ChinaTime.Today(time) });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, PingtangDb db, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(http.User);
        var form = TripForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var today = ChinaTime.Today(time);
        var (details, problem) = form.Details(today);
        var station = staff.IsAdmin ? form.StationId : staff.StationId ?? 0;
        problem ??= await db.Stations.AnyAsync(s => s.Id == station, cancellationToken) ? null : TripStaffTexts.ChooseStation;
        if (problem is not null)
        {
            return await FormPageAsync(staff, db, form, problem, cancellationToken);
        }

        var trip = ReturnTrip.Plan(details!, today, station);
        db.ReturnTrips.Add(trip);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(http.User, AuditKind.Action, "新建返岗班次", $"{trip.Id}", station, cancellationToken);
        return Results.Redirect($"{Path}/{trip.Id}");
    }

    private static async Task<IResult> TripAsync(int id, int? promoted, int? told, HttpContext http, StationTrips trips, StaffAudit audit, TimeProvider time, PublicAddress address, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, http.User, trips, cancellationToken) is not { } trip)
        {
            return ConsolePage.Forbidden();
        }

        var page = await TripPageAsync(trip, http, trips, time, address, TripForm.Of(trip), null, new(promoted, told), cancellationToken);
        await audit.RecordAsync(http.User, AuditKind.View, "查看乘车名单", $"{id}", trip.StationId, cancellationToken);
        return page;
    }

    /// <summary>Saves the edit form; more seats than before go to those waiting, who are told.</summary>
    private static async Task<IResult> ChangeAsync(int id, HttpContext http, StationTrips trips, TripChanges changes, PingtangDb db, StaffAudit audit, TimeProvider time, PublicAddress address, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, http.User, trips, cancellationToken) is not { } trip)
        {
            return ConsolePage.Forbidden();
        }

        var form = TripForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var (details, problem) = form.Details(ChinaTime.Today(time));
        IReadOnlyList<int>? promoted = null;
        if (problem is null)
        {
            try
            {
                promoted = await changes.ChangeAsync(id, details!, cancellationToken);
            }
            catch (DomainException e)
            {
                problem = e.Message;
                db.ChangeTracker.Clear();
            }
        }

        if (problem is not null)
        {
            return await TripPageAsync(trip, http, trips, time, address, form, problem, new(null, null), cancellationToken);
        }

        if (promoted is null)
        {
            return ConsolePage.Forbidden();
        }

        await audit.RecordAsync(http.User, AuditKind.Action, $"修改返岗班次（候补转正 {promoted.Count} 人）", $"{id}", trip.StationId, cancellationToken);
        return Results.Redirect($"{Path}/{id}?promoted={promoted.Count}");
    }

    private static async Task<IResult> CancelAsync(int id, ClaimsPrincipal user, StationTrips trips, TripChanges changes, StaffAudit audit, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, user, trips, cancellationToken) is not { } trip || await changes.CancelAsync(id, cancellationToken) is not { } told)
        {
            return ConsolePage.Forbidden();
        }

        await audit.RecordAsync(user, AuditKind.Action, $"取消返岗班次（通知 {told.Count} 人）", $"{id}", trip.StationId, cancellationToken);
        return Results.Redirect($"{Path}/{id}?told={told.Count}");
    }

    private static async Task<IResult> RenewKeyAsync(int id, ClaimsPrincipal user, StationTrips trips, TripChanges changes, StaffAudit audit, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, user, trips, cancellationToken) is not { } trip || !await changes.RenewBoardingKeyAsync(id, cancellationToken))
        {
            return ConsolePage.Forbidden();
        }

        await audit.RecordAsync(user, AuditKind.Action, "更换车长登车链接", $"{id}", trip.StationId, cancellationToken);
        return Results.Redirect($"{Path}/{id}");
    }

    private static async Task<IResult> ExportAsync(int id, bool withIdNumbers, HttpContext http, StationTrips trips, StaffAudit audit, IIdNumberProtector idNumbers, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await SeenAsync(id, http.User, trips, cancellationToken) is not { } trip)
        {
            return ConsolePage.Forbidden();
        }

        var list = await trips.PassengersAsync(trip, time.GetUtcNow(), cancellationToken);
        var lines = list.ByPickupPoint.SelectMany(g => g.Passengers.Select(p => (Point: g.Point.Describe(), Line: p)))
            .Concat(list.Waiting.Select(p => (Point: $"候补 · {list.PickupOf(p)}", Line: p)));
        var rows = lines.Select(x => new PassengerExportRow(
            x.Point,
            x.Line.Traveller.Name,
            x.Line.Traveller.Mobile,
            withIdNumbers ? x.Line.Traveller.RevealIdNumber(idNumbers) : x.Line.Traveller.IdNumberMasked,
            x.Line.Booking.Code,
            TripStaffTexts.StatusText(x.Line.Booking.Status),
            SignedUpBy(x.Line),
            x.Line.Traveller.BoardedAt is { } at ? ChinaTime.Text(at, "HH:mm") : ""))
            .ToList();
        loggers.CreateLogger(typeof(TripStaffEndpoints)).LogInformation("Exported the passenger list of {Count} of trip {TripId}, whole ID numbers: {WithIdNumbers}", rows.Count, id, withIdNumbers);
        await audit.RecordAsync(http.User, AuditKind.Export, withIdNumbers ? $"导出乘车名单（{rows.Count} 人，含完整身份证号）" : $"导出乘车名单（{rows.Count} 人）", $"{id}", trip.StationId, cancellationToken);
        var name = $"乘车名单-{trip.DepartsOn:yyyyMMdd}-{trip.DestinationCity}{(withIdNumbers ? "-含身份证号" : "")}.xlsx";
        return await XlsxDownload.FileAsync(rows, name, cancellationToken);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, ReturnTripImport import, StaffAudit audit, CancellationToken cancellationToken)
    {
        var (file, problem) = await SheetUpload.ReadAsync(http, Path, cancellationToken);
        if (file is null)
        {
            return problem!;
        }

        await using var stream = file.OpenReadStream();
        var report = await import.ImportFileAsync(stream, file.FileName, cancellationToken);
        await audit.RecordAsync(http.User, AuditKind.Action, $"导入返岗班次表（新增 {report.Added}，更新 {report.Updated}，跳过 {report.Skipped}）", report.Source, null, cancellationToken);
        return ImportReportPage.Of(report, Path, TripStaffTexts.BackText);
    }

    /// <summary>Who made the booking, a 劳务带头人's group marked as such.</summary>
    public static string SignedUpBy(PassengerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Booking.ByLeader ? $"{line.SignedUpBy}（{TripStaffTexts.LeaderGroup}）" : line.SignedUpBy ?? "";
    }

    /// <summary>The departure, when there is one and it is the member's station's (or they are an admin); null otherwise.</summary>
    private static async Task<ReturnTrip?> SeenAsync(int id, ClaimsPrincipal user, StationTrips trips, CancellationToken cancellationToken) =>
        await trips.FindAsync(id, cancellationToken) is { } trip && StaffIdentity.Of(user).MaySee(trip.StationId) ? trip : null;

    private static async Task<IResult> FormPageAsync(StaffUser staff, PingtangDb db, TripForm form, string? problem, CancellationToken cancellationToken) =>
        ConsolePage.Show<TripFormPage>(
            new
            {
                Stations = staff.IsAdmin ? await db.Stations.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken) : [],
                Form = form,
                Problem = problem,
            },
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static async Task<IResult> TripPageAsync(ReturnTrip trip, HttpContext http, StationTrips trips, TimeProvider time, PublicAddress address, TripForm form, string? problem, TripPageNote note, CancellationToken cancellationToken) =>
        ConsolePage.Show<TripPage>(
            new
            {
                Passengers = await trips.PassengersAsync(trip, time.GetUtcNow(), cancellationToken),
                Form = form,
                Problem = problem,
                Note = note,
                BoardingLink = TripBoardingEndpoints.Link(trip, address.BaseFor(http.Request)),
                IsAdmin = StaffIdentity.Of(http.User).IsAdmin,
            },
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    /// <summary>One traveller of the export; the mobile and ID number stay text so Excel keeps every digit.</summary>
    private sealed record PassengerExportRow(
        [property: ExcelColumnName("上车点")] string PickupPoint,
        [property: ExcelColumnName("姓名")] string Name,
        [property: ExcelColumnName("手机号")] string Mobile,
        [property: ExcelColumnName("身份证号")] string? IdNumber,
        [property: ExcelColumnName("确认码")] string Code,
        [property: ExcelColumnName("状态")] string Status,
        [property: ExcelColumnName("报名人")] string SignedUpBy,
        [property: ExcelColumnName("上车时间")] string BoardedAt);
}

/// <summary>After a change: how many waiting workers got seats, or how many were told of a cancellation.</summary>
public sealed record TripPageNote(int? Promoted, int? Told);
