using System.Security.Claims;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Complaints;

/// <summary>The console's case queue: a station's staff see their station's open cases, admins every station's.</summary>
public static class ComplaintQueueEndpoints
{
    public const string Path = "/console/cases";

    public static WebApplication MapComplaintQueue(this WebApplication app)
    {
        app.MapStaffArea(Path, StaffAccess.StaffPolicy).MapGet("/", async (ClaimsPrincipal user, ComplaintStatus? status, ComplaintCategory? category, ComplaintQueue queue, HandoffQueue conversations, StaffAudit audit, CancellationToken cancellationToken) =>
        {
            var staff = StaffIdentity.Of(user);
            int? station = staff.IsAdmin ? null : staff.StationId ?? -1;
            var lines = await queue.ListAsync(station, status, category, cancellationToken);
            await audit.RecordAsync(user, AuditKind.View, "查看案件队列", null, staff.IsAdmin ? null : staff.StationId, cancellationToken);
            return ConsolePage.Show<ComplaintQueuePage>(new { Lines = lines, Conversations = await conversations.OpenAsync(station, cancellationToken), Status = status, Category = category, AllStations = staff.IsAdmin });
        });
        return app;
    }
}
