using System.Globalization;
using System.Security.Claims;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Uploads;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Handoffs;

/// <summary>
/// The console's side of a conversation with a person: its page, and the forms that take it over, write to the
/// worker, keep a note, hand it back to the bot and resolve it. Each works without script (the page's live
/// connection only makes it quicker), checks that the caller's station may see the conversation, and is audited.
/// </summary>
public static class ConversationEndpoints
{
    public const string Path = "/console/chats";

    public static string PageOf(int handoffId) => string.Create(CultureInfo.InvariantCulture, $"{Path}/{handoffId}");

    public static string FileOf(int handoffId, long lineId) => string.Create(CultureInfo.InvariantCulture, $"{Path}/{handoffId}/files/{lineId}");

    public static RouteGroupBuilder MapConversations(this WebApplication app)
    {
        var chats = app.MapStaffArea(Path, StaffAccess.StaffPolicy);
        chats.MapGet("/{id:int}", PageAsync);
        chats.MapGet("/{id:int}/files/{lineId:long}", FileAsync);
        MapAction(chats, "take", "接手对话", (desk, handoff, staff, _, ct) => desk.TakeOverAsync(handoff, staff, ct));
        MapAction(chats, "reply", "回复工人", (desk, handoff, staff, text, ct) => desk.ReplyAsync(handoff, staff, text ?? "", ct));
        MapAction(chats, "note", "写内部备注", (desk, handoff, staff, text, ct) => desk.NoteAsync(handoff, staff, text ?? "", ct));
        MapAction(chats, "handback", "交还智能助手", (desk, handoff, staff, text, ct) => desk.HandBackAsync(handoff, staff, text, MainMenu.Titles, ct));
        MapAction(chats, "resolve", "标记已解决", (desk, handoff, staff, text, ct) => desk.ResolveAsync(handoff, staff, text, ct));
        return chats;
    }

    private static async Task<IResult> PageAsync(int id, ClaimsPrincipal user, HandoffQueue queue, CannedReplies canned, StaffAudit audit, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(user);
        if (await queue.WithLinesAsync(id, cancellationToken) is not { } handoff || !staff.MaySee(handoff.StationId))
        {
            return ConsolePage.Forbidden();
        }

        await audit.RecordAsync(user, AuditKind.View, "查看对话", AuditName(handoff), handoff.StationId, cancellationToken);
        return ConsolePage.Show<ConversationPage>(new { Handoff = handoff, Me = staff.Desk, CannedReplies = await canned.ForStationAsync(handoff.StationId, cancellationToken) });
    }

    /// <summary>A file the worker sent in the conversation, for staff who may see it; another channel's file is linked to.</summary>
    private static async Task<IResult> FileAsync(int id, long lineId, ClaimsPrincipal user, HandoffDesk desk, HandoffQueue queue, UploadedFiles files, StaffAudit audit, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await desk.FindAsync(id, cancellationToken) is not { } handoff || !StaffIdentity.Of(user).MaySee(handoff.StationId)
            || await queue.LineAsync(id, lineId, cancellationToken) is not { Attachment: { } attachment })
        {
            return ConsolePage.Forbidden();
        }

        await audit.RecordAsync(user, AuditKind.View, "查看对话中的文件", AuditName(handoff), handoff.StationId, cancellationToken);
        return await files.ServeAsync(attachment.ContentUrl, response, cancellationToken);
    }

    /// <summary>One form of the conversation: the form's <c>text</c> is what the action writes, when it writes anything.</summary>
    private static void MapAction(RouteGroupBuilder chats, string path, string what, Func<HandoffDesk, Handoff, DeskStaff, string?, CancellationToken, Task> act) =>
        chats.MapPost($"/{{id:int}}/{path}", (int id, HttpContext http, HandoffDesk desk, StaffAudit audit, LiveConsole live, CancellationToken cancellationToken) =>
            ActAsync(id, http, desk, audit, live, what, act, cancellationToken));

    private static async Task<IResult> ActAsync(int id, HttpContext http, HandoffDesk desk, StaffAudit audit, LiveConsole live, string what, Func<HandoffDesk, Handoff, DeskStaff, string?, CancellationToken, Task> act, CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(http.User);
        if (await desk.FindAsync(id, cancellationToken) is not { } handoff || !staff.MaySee(handoff.StationId))
        {
            return ConsolePage.Forbidden();
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var back = form["returnUrl"].ToString() is var returnUrl && StaffAccess.IsLocalPath(returnUrl) ? returnUrl : PageOf(id);
        var before = handoff.Messages.Count;
        try
        {
            audit.Add(http.User, AuditKind.Action, what, AuditName(handoff), handoff.StationId);
            await act(desk, handoff, staff.Desk, form["text"].ToString() is { Length: > 0 } text ? text : null, cancellationToken);
        }
        catch (DomainException e)
        {
            return ConsolePage.Notice(what, e.Message, StatusCodes.Status400BadRequest, back);
        }

        await live.LinesAsync(handoff.Messages.Skip(before), cancellationToken);
        await live.QueueChangedAsync(handoff, cancellationToken);
        return Results.Redirect(back);
    }

    /// <summary>How the audit log names a conversation.</summary>
    internal static string AuditName(Handoff handoff) => string.Create(CultureInfo.InvariantCulture, $"对话{handoff.Id}");
}
