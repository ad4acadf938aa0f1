using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Staff;

/// <summary>
/// The audit log's writer: every page with workers' data a staff member opens, every file they export, every change
/// they make. A line is added to the request's unit of work and saved with it, so an action and its line are one.
/// </summary>
public sealed class StaffAudit(PingtangDb db, TimeProvider time)
{
    public const int PageSize = 100;

    /// <summary>Adds a line, to be saved with the request's other changes.</summary>
    public void Add(ClaimsPrincipal user, AuditKind kind, string what, string? target = null, int? stationId = null)
    {
        var staff = StaffIdentity.Of(user);
        db.AuditLog.Add(AuditEntry.Of(staff.Id == 0 ? null : staff.Id, staff.Account, kind, what, target, stationId, time.GetUtcNow()));
    }

    /// <summary>Adds a line and saves it: for views and exports, which change nothing else.</summary>
    public Task RecordAsync(ClaimsPrincipal user, AuditKind kind, string what, string? target, int? stationId, CancellationToken cancellationToken)
    {
        Add(user, kind, what, target, stationId);
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest lines before <paramref name="beforeId"/>, one page of them.</summary>
    public Task<List<AuditEntry>> PageAsync(long? beforeId, string? account, CancellationToken cancellationToken)
    {
        var lines = db.AuditLog.AsNoTracking();
        if (beforeId is { } before)
        {
            lines = lines.Where(a => a.Id < before);
        }

        if (StaffMember.NormalizeAccount(account) is { } who)
        {
            lines = lines.Where(a => a.Account == who);
        }

        return lines.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}
