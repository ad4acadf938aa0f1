using System.Security.Claims;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Outbox;

/// <summary>
/// 消息发送 for administrators, under <c>/console/outbox</c>: how many messages of each kind are in each state, which
/// channel and way the sent ones went (WeChat: 客服消息 or 模板消息), the ones that did not go out with their reasons,
/// and a button that sends a dead, failed or skipped one again.
/// </summary>
public static class OutboxStaffEndpoints
{
    public const string Path = "/console/outbox";

    public const string Title = "消息发送";

    /// <summary>The newest problems listed; the counts cover the rest.</summary>
    public const int ListedProblems = 200;

    public static WebApplication MapOutboxStaff(this WebApplication app)
    {
        var outbox = app.MapStaffArea(Path, StaffAccess.AdminPolicy);
        outbox.MapGet("/", async (ClaimsPrincipal user, OutboxMessages messages, StaffAudit audit, CancellationToken ct) =>
        {
            var page = ConsolePage.Show<OutboxPage>(new { Counts = await messages.CountsAsync(ct), Routes = await messages.RoutesAsync(ct), Problems = await messages.ProblemsAsync(ListedProblems, ct) });
            await audit.RecordAsync(user, AuditKind.View, "查看消息发送", null, null, ct);
            return page;
        });
        outbox.MapPost("/{id:long}/again", async (long id, ClaimsPrincipal user, OutboxMessages messages, OutboxSignal signal, StaffAudit audit, ILoggerFactory loggers, CancellationToken ct) =>
        {
            if (!await messages.SendAgainAsync(id, ct))
            {
                return ConsolePage.Notice("无法重发", "这条消息已经发出、正在发送，或者不存在。", StatusCodes.Status409Conflict, Path);
            }

            loggers.CreateLogger(typeof(OutboxStaffEndpoints)).LogInformation("Staff sent outbox message {MessageId} again", id);
            await audit.RecordAsync(user, AuditKind.Action, "重新发送消息", $"{id}", null, ct);
            signal.Pulse();
            return Results.Redirect(Path);
        });
        return app;
    }
}
