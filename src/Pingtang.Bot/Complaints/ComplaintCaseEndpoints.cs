using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Uploads;
using Pingtang.Domain;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Complaints;

/// <summary>
/// A case's page in the console: the worker's account, its clocks, its evidence, its history with the form that moves
/// it on, the cases linked to it by employer, and its conversation with the station. Staff of another station get
/// the same 403 as for a case that does not exist, on the page and on every file of it.
/// </summary>
public static class ComplaintCaseEndpoints
{
    public static string PageOf(int complaintId) => string.Create(CultureInfo.InvariantCulture, $"{ComplaintQueueEndpoints.Path}/{complaintId}");

    public static string EvidenceOf(int complaintId, int evidenceId) => string.Create(CultureInfo.InvariantCulture, $"{PageOf(complaintId)}/evidence/{evidenceId}");

    public static WebApplication MapComplaintCases(this WebApplication app)
    {
        var cases = app.MapStaffArea(ComplaintQueueEndpoints.Path, StaffAccess.StaffPolicy);
        cases.MapGet("/{id:int}", PageAsync);
        cases.MapGet("/{id:int}/evidence/{evidenceId:int}", EvidenceAsync);
        cases.MapPost("/{id:int}/status", ChangeStatusAsync);
        cases.MapPost("/{id:int}/extend", ExtendAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(int id, ClaimsPrincipal user, ComplaintQueue queue, ComplaintClockReader clocks, ComplaintFiling filing, HandoffQueue conversations, CannedReplies canned, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(user);
        if (await queue.FindCaseAsync(id, cancellationToken) is not { } complaint || !staff.MaySee(complaint.StationId))
        {
            return ConsolePage.Forbidden();
        }

        var talks = await conversations.ForComplaintAsync(id, cancellationToken);
        var linked = (await filing.SameEmployerAsync(complaint, cancellationToken)).Where(c => c.Id != id).ToList();
        await audit.RecordAsync(user, AuditKind.View, "查看案件", complaint.Number, complaint.StationId, cancellationToken);
        return ConsolePage.Show<ComplaintCasePage>(new
        {
            Complaint = complaint,
            Clocks = await clocks.ForAsync(complaint, cancellationToken),
            Linked = linked,
            Lines = talks.SelectMany(h => h.Messages).OrderBy(m => m.At).ThenBy(m => m.Id).ToList(),
            Current = talks.FirstOrDefault(h => h.IsOpen),
            Me = staff.Desk,
            Today = ChinaTime.Today(time),
            CannedReplies = await canned.ForStationAsync(complaint.StationId, cancellationToken),
        });
    }

    private static async Task<IResult> EvidenceAsync(int id, int evidenceId, ClaimsPrincipal user, ComplaintQueue queue, UploadedFiles files, StaffAudit audit, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await queue.FindCaseAsync(id, cancellationToken) is not { } complaint || !StaffIdentity.Of(user).MaySee(complaint.StationId)
            || complaint.Evidence.FirstOrDefault(e => e.Id == evidenceId) is not { } evidence)
        {
            return ConsolePage.Forbidden();
        }

        await audit.RecordAsync(user, AuditKind.View, "查看证据", $"{complaint.Number} {evidence.Name}", complaint.StationId, cancellationToken);
        return await files.ServeAsync(evidence.ContentUrl, response, cancellationToken);
    }

    /// <summary>
    /// Moves the case on; the worker is told in the same save. Resolving it ends a conversation still open about it
    /// and asks the worker to rate the help, in the same transaction.
    /// </summary>
    private static async Task<IResult> ChangeStatusAsync(int id, HttpContext http, PingtangDb db, ComplaintProgress progress, HandoffDesk desk, StaffAudit audit, LiveConsole live, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(http.User);
        if (await db.Complaints.FindAsync([id], cancellationToken) is not { } complaint || !staff.MaySee(complaint.StationId))
        {
            return ConsolePage.Forbidden();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var open = await desk.OpenForWorkerAsync(complaint.WorkerId, cancellationToken);
        if (!Enum.TryParse<ComplaintStatus>(form["status"], out var status) || !Enum.IsDefined(status))
        {
            return ConsolePage.Notice("改状态", "请选择新的状态。", StatusCodes.Status400BadRequest, PageOf(id));
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            audit.Add(http.User, AuditKind.Action, $"案件改为「{status.Name()}」", complaint.Number, complaint.StationId);
            await progress.ChangeStatusAsync(id, status, staff.Name, form["note"].ToString(), cancellationToken);
            if (status == ComplaintStatus.Resolved)
            {
                await desk.ResolveCaseAsync(complaint, staff.Desk, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return ConsolePage.Notice("改状态", e.Message, StatusCodes.Status400BadRequest, PageOf(id));
        }

        if (open is not null)
        {
            await live.QueueChangedAsync(open, cancellationToken);
        }

        return Results.Redirect(PageOf(id));
    }

    private static async Task<IResult> ExtendAsync(int id, HttpContext http, PingtangDb db, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(http.User);
        var complaint = await db.Complaints.Include(c => c.History).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null || !staff.MaySee(complaint.StationId))
        {
            return ConsolePage.Forbidden();
        }

        try
        {
            complaint.ExtendInvestigation(staff.Name, time.GetUtcNow());
        }
        catch (DomainException e)
        {
            return ConsolePage.Notice("延长办理期限", e.Message, StatusCodes.Status400BadRequest, PageOf(id));
        }

        audit.Add(http.User, AuditKind.Action, "延长办理期限30个工作日", complaint.Number, complaint.StationId);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Redirect(PageOf(id));
    }
}
