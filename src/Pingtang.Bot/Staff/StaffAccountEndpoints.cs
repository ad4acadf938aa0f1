using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Staff;

/// <summary>The admins' pages for accounts (create, reset a password, disable) and for reading the audit log.</summary>
public static class StaffAccountEndpoints
{
    public const string Path = "/console/accounts";
    public const string AuditPath = "/console/audit";

    public static WebApplication MapStaffAccounts(this WebApplication app)
    {
        var accounts = app.MapStaffArea(Path, StaffAccess.AdminPolicy);
        accounts.MapGet("/", (ClaimsPrincipal user, StaffAccounts staff, PingtangDb db, CancellationToken cancellationToken) =>
            PageAsync(user, staff, db, null, null, StatusCodes.Status200OK, cancellationToken));
        accounts.MapPost("/", CreateAsync);
        accounts.MapPost("/{id:int}/reset", ResetAsync);
        accounts.MapPost("/{id:int}/disable", (int id, HttpContext http, StaffAccounts staff, PingtangDb db, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken) =>
            ChangeAsync(id, http.User, staff, db, audit, "停用账号", m => m.Disable(time.GetUtcNow()), cancellationToken));
        accounts.MapPost("/{id:int}/enable", (int id, HttpContext http, StaffAccounts staff, PingtangDb db, StaffAudit audit, CancellationToken cancellationToken) =>
            ChangeAsync(id, http.User, staff, db, audit, "启用账号", m => m.Enable(), cancellationToken));

        app.MapStaffArea(AuditPath, StaffAccess.AdminPolicy).MapGet("/", async (long? before, string? account, StaffAudit audit, CancellationToken cancellationToken) =>
            ConsolePage.Show<AuditPage>(new { Lines = await audit.PageAsync(before, account, cancellationToken), Account = account }));
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, StaffAccounts staff, StaffAudit audit, PingtangDb db, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var role = form["role"].ToString() == StaffIdentity.AdminRoleName ? StaffRole.Admin : StaffRole.Staff;
        int? station = int.TryParse(form["station"], out var s) ? s : null;
        try
        {
            var (member, password) = await staff.CreateAsync(form["account"].ToString(), form["name"].ToString(), role, station, cancellationToken);
            await audit.RecordAsync(http.User, AuditKind.Account, $"新建账号（{role.Name()}）", member.Account, member.StationId, cancellationToken);
            return await PageAsync(http.User, staff, db, new OneTimePassword(member.Account, password), null, StatusCodes.Status200OK, cancellationToken);
        }
        catch (DomainException e)
        {
            return await PageAsync(http.User, staff, db, null, e.Message, StatusCodes.Status400BadRequest, cancellationToken);
        }
    }

    private static async Task<IResult> ResetAsync(int id, HttpContext http, StaffAccounts staff, StaffAudit audit, PingtangDb db, CancellationToken cancellationToken)
    {
        if (await staff.FindAsync(id, cancellationToken) is not { } member)
        {
            return ConsolePage.Notice("没有这个账号", "没有这个账号。", StatusCodes.Status404NotFound, Path);
        }

        audit.Add(http.User, AuditKind.Account, "重设密码", member.Account, member.StationId);
        var password = await staff.ResetPasswordAsync(member, cancellationToken);
        return await PageAsync(http.User, staff, db, new OneTimePassword(member.Account, password), null, StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> ChangeAsync(int id, ClaimsPrincipal user, StaffAccounts staff, PingtangDb db, StaffAudit audit, string what, Action<StaffMember> change, CancellationToken cancellationToken)
    {
        if (await staff.FindAsync(id, cancellationToken) is not { } member)
        {
            return ConsolePage.Notice("没有这个账号", "没有这个账号。", StatusCodes.Status404NotFound, Path);
        }

        if (member.Id == StaffIdentity.Of(user).Id)
        {
            return await PageAsync(user, staff, db, null, "不能停用自己的账号。", StatusCodes.Status400BadRequest, cancellationToken);
        }

        change(member);
        audit.Add(user, AuditKind.Account, what, member.Account, member.StationId);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Redirect(Path);
    }

    private static async Task<IResult> PageAsync(ClaimsPrincipal user, StaffAccounts staff, PingtangDb db, OneTimePassword? handover, string? error, int statusCode, CancellationToken cancellationToken) =>
        ConsolePage.Show<AccountsPage>(
            new
            {
                Members = await staff.ListAsync(cancellationToken),
                Stations = await db.Stations.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken),
                Me = StaffIdentity.Of(user).Id,
                Handover = handover,
                Error = error,
            },
            statusCode);
}
