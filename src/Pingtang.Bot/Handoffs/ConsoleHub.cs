using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Handoffs;

/// <summary>
/// The console's live connection: a signed-in staff member hears their station's queue, watches the conversations
/// they may see, and writes to the worker, each line reaching the worker through the outbox within a second.
/// </summary>
[Authorize(Policy = StaffAccess.StaffPolicy)]
public sealed class ConsoleHub(HandoffDesk desk, HandoffQueue queue, LiveConsole live, StaffAudit audit) : Hub
{
    public const string Path = "/console/live";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveConsole.StationGroup(Staff.StationId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Starts hearing one conversation's lines, when the caller's station may see it, and returns those said after the
    /// page's last line <paramref name="afterLineId"/>: said while the page loaded, or while it or this instance was
    /// not listening. Read after joining, so that none falls between the two.
    /// </summary>
    public async Task<IReadOnlyList<LiveLine>> Watch(int handoffId, long afterLineId)
    {
        await HandoffAsync(handoffId);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveConsole.CaseGroup(handoffId), Context.ConnectionAborted);
        var missed = await queue.LinesAfterAsync(handoffId, afterLineId, Context.ConnectionAborted);
        return [.. missed.Select(LiveLine.Of)];
    }

    public async Task<long> Reply(int handoffId, string text)
    {
        var handoff = await HandoffAsync(handoffId);
        try
        {
            var before = handoff.Messages.Count;
            var waiting = handoff.State == HandoffState.Waiting;
            audit.Add(Context.User!, AuditKind.Action, "回复工人", ConversationEndpoints.AuditName(handoff), handoff.StationId);
            var line = await desk.ReplyAsync(handoff, Staff, text, Context.ConnectionAborted);
            // A reply to a waiting worker took the conversation over first: its line goes out too.
            await live.LinesAsync(handoff.Messages.Skip(before), Context.ConnectionAborted);
            if (waiting)
            {
                await live.QueueChangedAsync(handoff, Context.ConnectionAborted);
            }

            return line.Id;
        }
        catch (DomainException e)
        {
            throw new HubException(e.Message);
        }
    }

    private DeskStaff Staff => StaffIdentity.Of(Context.User).Desk;

    private async Task<Handoff> HandoffAsync(int handoffId)
    {
        var handoff = await desk.FindAsync(handoffId, Context.ConnectionAborted);
        return handoff is not null && Staff.MaySee(handoff.StationId)
            ? handoff
            : throw new HubException("没有这个对话，或您无权查看。");
    }
}
