using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Broadcasts;

/// <summary>
/// 返岗季计划 in the console, under <c>/console/season</c>, for administrators: the whole season previewed before it
/// starts — each planned broadcast on its day (with the lunar date), its audience and size, and its draft once made;
/// the departures' own reminders — and the plan's steps, relative to 春节, to edit or add.
/// </summary>
public static class SeasonPlanEndpoints
{
    public const string Path = "/console/season";

    public const string Title = "返岗季计划";

    public static WebApplication MapSeasonPlan(this WebApplication app)
    {
        var season = app.MapStaffArea(Path);
        season.MapGet("/", PreviewAsync);
        season.MapPost("/steps", AddAsync);
        season.MapPost("/steps/{id:int}", ChangeAsync);
        return app;
    }

    private static async Task<IResult> PreviewAsync(int? year, ClaimsPrincipal user, SeasonPlanner planner, PingtangDb db, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(user, AuditKind.View, "查看返岗季计划", null, null, cancellationToken);
        return await PageAsync(SeasonOf(year, time), planner, db, null, null, null, cancellationToken);
    }

    private static async Task<IResult> AddAsync(HttpContext http, SeasonPlanner planner, PingtangDb db, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = SeasonStepForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var (details, problem) = form.Details();
        if (details is null)
        {
            return await PageAsync(SeasonPlanner.SeasonOf(ChinaTime.Today(time)), planner, db, 0, form, problem, cancellationToken);
        }

        var step = await planner.AddAsync(details, cancellationToken);
        await audit.RecordAsync(http.User, AuditKind.Action, "新增返岗季计划步骤", $"{step.Id}", null, cancellationToken);
        return Results.Redirect(Path);
    }

    private static async Task<IResult> ChangeAsync(int id, HttpContext http, SeasonPlanner planner, PingtangDb db, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.SeasonSteps.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return ConsolePage.Forbidden();
        }

        var form = SeasonStepForm.Read(await http.Request.ReadFormAsync(cancellationToken));
        var (details, problem) = form.Details();
        if (details is null)
        {
            return await PageAsync(SeasonPlanner.SeasonOf(ChinaTime.Today(time)), planner, db, id, form, problem, cancellationToken);
        }

        await planner.ChangeAsync(id, details, cancellationToken);
        await audit.RecordAsync(http.User, AuditKind.Action, "修改返岗季计划步骤", $"{id}", null, cancellationToken);
        return Results.Redirect(Path);
    }

    /// <summary>A season a few years either way of the coming one; the coming one when none is asked for.</summary>
    private static int SeasonOf(int? year, TimeProvider time)
    {
        var coming = SeasonPlanner.SeasonOf(ChinaTime.Today(time));
        return year is { } asked && Math.Abs(asked - coming) <= 5 ? asked : coming;
    }

    /// <param name="refusedStep">The step whose form was refused (0 for a new one), shown again with <paramref name="refused"/>.</param>
    private static async Task<IResult> PageAsync(int year, SeasonPlanner planner, PingtangDb db, int? refusedStep, SeasonStepForm? refused, string? problem, CancellationToken cancellationToken) =>
        ConsolePage.Show<SeasonPlanPage>(
            new
            {
                Year = year,
                SpringFestival = Domain.Calendar.SpringFestival.Of(year),
                Items = await planner.PreviewAsync(year, cancellationToken),
                Steps = await planner.StepsAsync(cancellationToken),
                Channels = await BroadcastStaffEndpoints.ChannelsAsync(db, cancellationToken),
                RefusedStep = refusedStep,
                Refused = refused,
                Problem = problem,
            },
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    /// <summary>The step's day in the season, as the page lists it: 1月13日（腊月初六）.</summary>
    public static string Day(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Month}月{date.Day}日（{Domain.Calendar.SpringFestival.LunarDayOf(date)}）");
}
