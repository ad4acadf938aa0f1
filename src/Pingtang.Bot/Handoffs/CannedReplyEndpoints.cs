using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Handoffs;

/// <summary>
/// The console's canned replies (快捷回复): a station's staff keep their station's, an admin picks the station. A
/// reply of another station answers like one that does not exist.
/// </summary>
public static class CannedReplyEndpoints
{
    public const string Path = "/console/replies";

    public static string StationPath(int stationId) => $"{Path}?station={stationId.ToString(CultureInfo.InvariantCulture)}";

    public static WebApplication MapCannedReplies(this WebApplication app)
    {
        var replies = app.MapStaffArea(Path, StaffAccess.StaffPolicy);
        replies.MapGet("/", async (ClaimsPrincipal user, int? station, CannedReplies canned, PingtangDb db, CancellationToken cancellationToken) =>
        {
            var staff = StaffIdentity.Of(user);
            var chosen = staff.IsAdmin ? station ?? await db.Stations.MinAsync(s => s.Id, cancellationToken) : station ?? staff.StationId;
            return chosen is { } id && staff.MaySee(id) && await db.Stations.AnyAsync(s => s.Id == id, cancellationToken)
                ? await PageAsync(staff, id, canned, db, null, null, StatusCodes.Status200OK, cancellationToken)
                : ConsolePage.Forbidden();
        });
        replies.MapPost("/", AddAsync);
        replies.MapPost("/{id:int}/edit", EditAsync);
        replies.MapPost("/{id:int}/delete", DeleteAsync);
        return app;
    }

    private static async Task<IResult> AddAsync(HttpContext http, CannedReplies canned, StaffAudit audit, PingtangDb db, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var staff = StaffIdentity.Of(http.User);
        int? station = int.TryParse(form["station"], CultureInfo.InvariantCulture, out var s) ? s : staff.StationId;
        var draft = new CannedReplyDraft(form["title"].ToString(), form["text"].ToString());
        if (station is not { } stationId)
        {
            return ConsolePage.Forbidden();
        }

        try
        {
            if (await canned.AddAsync(staff.Desk, stationId, draft.Title, draft.Text, cancellationToken) is not { } reply)
            {
                return ConsolePage.Forbidden();
            }

            return await DoneAsync(http.User, audit, CannedReplyTexts.Added, reply, cancellationToken);
        }
        catch (DomainException e)
        {
            return await PageAsync(staff, stationId, canned, db, e.Message, draft, StatusCodes.Status400BadRequest, cancellationToken);
        }
    }

    private static async Task<IResult> EditAsync(int id, HttpContext http, CannedReplies canned, StaffAudit audit, PingtangDb db, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var staff = StaffIdentity.Of(http.User);
        try
        {
            return await canned.EditAsync(staff.Desk, id, form["title"].ToString(), form["text"].ToString(), cancellationToken) is { } reply
                ? await DoneAsync(http.User, audit, CannedReplyTexts.Edited, reply, cancellationToken)
                : ConsolePage.Forbidden();
        }
        catch (DomainException e)
        {
            // The reply exists and is theirs, or the edit would not have got as far as checking the text.
            var stationId = await db.CannedReplies.Where(r => r.Id == id).Select(r => r.StationId).SingleAsync(cancellationToken);
            return await PageAsync(staff, stationId, canned, db, e.Message, null, StatusCodes.Status400BadRequest, cancellationToken);
        }
    }

    private static async Task<IResult> DeleteAsync(int id, HttpContext http, CannedReplies canned, StaffAudit audit, CancellationToken cancellationToken) =>
        await canned.DeleteAsync(StaffIdentity.Of(http.User).Desk, id, cancellationToken) is { } reply
            ? await DoneAsync(http.User, audit, CannedReplyTexts.Deleted, reply, cancellationToken)
            : ConsolePage.Forbidden();

    private static async Task<IResult> DoneAsync(ClaimsPrincipal user, StaffAudit audit, string what, CannedReply reply, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(user, AuditKind.Action, string.Format(CultureInfo.InvariantCulture, what, reply.Title), reply.Id.ToString(CultureInfo.InvariantCulture), reply.StationId, cancellationToken);
        return Results.Redirect(StationPath(reply.StationId));
    }

    private static async Task<IResult> PageAsync(StaffUser staff, int stationId, CannedReplies canned, PingtangDb db, string? error, CannedReplyDraft? draft, int statusCode, CancellationToken cancellationToken) =>
        ConsolePage.Show<CannedRepliesPage>(
            new
            {
                StationId = stationId,
                Stations = await db.Stations.AsNoTracking().Where(s => staff.IsAdmin || s.Id == stationId).OrderBy(s => s.Id).ToListAsync(cancellationToken),
                ChooseStation = staff.IsAdmin,
                Replies = await canned.ForStationAsync(stationId, cancellationToken),
                Error = error,
                Draft = draft,
            },
            statusCode);
}

/// <summary>What was typed into the new-reply form, shown again when it is refused.</summary>
public sealed record CannedReplyDraft(string Title, string Text);
