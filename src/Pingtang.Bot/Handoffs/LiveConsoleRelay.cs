using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;

namespace Pingtang.Bot.Handoffs;

/// <summary>
/// The console's pages open on this instance hear what was said or changed on another (PostgreSQL only): the other
/// instance names the lines or the conversation, and this one reads them from the database and sends them to its
/// own pages, as if they had happened here. When notices may have been missed (the listening connection is new),
/// every page is told to catch up (<see cref="LiveConsole.CatchUpEvent"/>), as it does after its own reconnect.
/// </summary>
internal sealed class LiveConsoleRelay(LiveConsole live, IServiceScopeFactory scopes) : IDatabaseNotificationHandler
{
    public const string ChannelName = "pingtang_console";

    public const string Lines = "lines";
    public const string Queue = "queue";

    public string Channel => ChannelName;

    public async Task OnNotifiedAsync(string? payload, CancellationToken cancellationToken)
    {
        if (payload is null)
        {
            await live.SendCatchUpAsync(cancellationToken);
            return;
        }

        if (payload.Split(' ') is not [var instance, var what, var list] || instance == live.Instance)
        {
            return;
        }

        var ids = list.Split(',').Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1).Where(id => id > 0).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        if (what == Lines)
        {
            var lines = await db.Set<ChatMessage>().AsNoTracking().Where(l => ids.Contains(l.Id)).OrderBy(l => l.Id).ToListAsync(cancellationToken);
            await live.SendLinesAsync(lines, cancellationToken);
        }
        else if (what == Queue && ids is [var handoffId] && handoffId <= int.MaxValue
            && await db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Id == (int)handoffId, cancellationToken) is { } handoff)
        {
            await live.SendQueueChangedAsync(handoff, cancellationToken);
        }
    }
}
