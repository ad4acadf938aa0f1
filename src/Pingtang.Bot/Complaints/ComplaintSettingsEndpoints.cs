using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Calendar;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Stations;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// The admins' page for what routes and times cases: the table of places and their stations, each station's hours
/// and promised times, and the holidays and 调休 days each year's notice sets. Every change is audited.
/// </summary>
public static class ComplaintSettingsEndpoints
{
    public const string Path = "/console/case-settings";

    public static WebApplication MapComplaintSettings(this WebApplication app)
    {
        var settings = app.MapStaffArea(Path);
        settings.MapGet("/", (int? year, PingtangDb db, ComplaintRouting routing, HolidayCalendar calendar, TimeProvider time, CancellationToken cancellationToken) =>
            PageAsync(year ?? ChinaTime.Today(time).Year, null, StatusCodes.Status200OK, db, routing, calendar, cancellationToken));
        MapChange(settings, "/routes", "修改分派表", (form, http, ct) =>
            http.RequestServices.GetRequiredService<ComplaintRouting>().SetRouteAsync(form["place"], Number(form["station"]) ?? 0, ct));
        MapChange(settings, "/routes/{id:int}/remove", "删除分派表一行", (form, http, ct) =>
            http.RequestServices.GetRequiredService<ComplaintRouting>().RemoveRouteAsync(RouteId(http), ct));
        MapChange(settings, "/hours/{stationId:int}", "修改站点服务时间", (form, http, ct) =>
            ChangeHoursAsync(http.RequestServices.GetRequiredService<PingtangDb>(), RouteId(http, "stationId"), form, ct));
        MapChange(settings, "/days", "修改节假日", (form, http, ct) =>
            http.RequestServices.GetRequiredService<HolidayCalendar>().SetDayAsync(Date(form["date"]), Kind(form["kind"]), form["name"], ct));
        MapChange(settings, "/days/remove", "删除节假日", (form, http, ct) =>
            http.RequestServices.GetRequiredService<HolidayCalendar>().RemoveDayAsync(Date(form["date"]), ct));
        MapChange(settings, "/years", "确认全年节假日已录入", (form, http, ct) =>
            http.RequestServices.GetRequiredService<HolidayCalendar>().ConfirmYearAsync(Number(form["year"]) ?? 0, form["notice"], ct));
        return app;
    }

    /// <summary>One form of the page: the change, then back to the page; a refused change shows the page with why.</summary>
    private static void MapChange(RouteGroupBuilder settings, string path, string what, Func<IFormCollection, HttpContext, CancellationToken, Task> change) =>
        settings.MapPost(path, (HttpContext http, PingtangDb db, ComplaintRouting routing, HolidayCalendar calendar, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken) =>
            ChangeAsync(http, what, db, routing, calendar, time, change, audit, cancellationToken));

    private static async Task<IResult> ChangeAsync(HttpContext http, string what, PingtangDb db, ComplaintRouting routing, HolidayCalendar calendar, TimeProvider time, Func<IFormCollection, HttpContext, CancellationToken, Task> change, StaffAudit audit, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var year = Number(form["year"]) ?? ChinaTime.Today(time).Year;
        try
        {
            await change(form, http, cancellationToken);
        }
        catch (DomainException e)
        {
            return await PageAsync(year, e.Message, StatusCodes.Status400BadRequest, db, routing, calendar, cancellationToken);
        }

        await audit.RecordAsync(http.User, AuditKind.Action, what, Summary(form), null, cancellationToken);
        return Results.Redirect(string.Create(CultureInfo.InvariantCulture, $"{Path}?year={year}"));
    }

    private static async Task ChangeHoursAsync(PingtangDb db, int stationId, IFormCollection form, CancellationToken cancellationToken)
    {
        var terms = new ServiceTerms(
            Time(form["morningOpens"]),
            Time(form["morningCloses"]),
            Time(form["afternoonOpens"]),
            Time(form["afternoonCloses"]),
            Number(form["firstResponseMinutes"]) ?? 0,
            Number(form["urgentFirstResponseMinutes"]) ?? 0,
            Number(form["resolutionWorkingDays"]) ?? 0);
        var hours = await db.StationServiceHours.SingleOrDefaultAsync(h => h.StationId == stationId, cancellationToken);
        if (hours is null)
        {
            db.Add(await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken) ? StationServiceHours.Create(stationId, terms) : throw new DomainException("没有这个站点"));
        }
        else
        {
            hours.Change(terms);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<IResult> PageAsync(int year, string? error, int statusCode, PingtangDb db, ComplaintRouting routing, HolidayCalendar calendar, CancellationToken cancellationToken)
    {
        year = Math.Clamp(year, 2000, 2100);
        var stations = await db.Stations.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var hours = await db.StationServiceHours.AsNoTracking().ToDictionaryAsync(h => h.StationId, h => h.Terms, cancellationToken);
        return ConsolePage.Show<ComplaintSettingsPage>(
            new
            {
                Routes = await routing.RoutesAsync(cancellationToken),
                Stations = stations,
                Terms = stations.ToDictionary(s => s.Id, s => hours.GetValueOrDefault(s.Id) ?? ServiceTerms.Default),
                Year = year,
                Days = await calendar.DaysAsync(year, cancellationToken),
                Years = await calendar.YearsAsync(cancellationToken),
                Error = error,
            },
            statusCode);
    }

    /// <summary>What the audit log keeps of a change: the fields staff filled in, without the form's token.</summary>
    private static string Summary(IFormCollection form) =>
        string.Join(' ', form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal)).Select(f => $"{f.Key}={f.Value}"));

    private static int RouteId(HttpContext http, string name = "id") => Number(http.GetRouteValue(name)?.ToString()) ?? 0;

    private static DayKind Kind(string? text) =>
        Enum.TryParse<DayKind>(text, out var kind) && Enum.IsDefined(kind) ? kind : throw new DomainException("请选择放假或调休上班");

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw new DomainException("请填写日期，如 2027-02-06");

    private static TimeOnly Time(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : throw new DomainException("请按 09:00 的样子填写时间");
}
