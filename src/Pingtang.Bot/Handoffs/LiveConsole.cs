using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Pingtang.Bot.Hosting;
using Pingtang.Domain.Handoffs;

namespace Pingtang.Bot.Handoffs;

/// <summary>A line of a conversation as the console shows it live.</summary>
public sealed record LiveLine(long Id, int HandoffId, string Author, string? Name, string Text, DateTimeOffset At, string? FileName)
{
    public static LiveLine Of(ChatMessage line) =>
        new(line.Id, line.HandoffId, line.Author.ToString(), line.Name, line.Text, line.At, line.Attachment?.Name);
}

/// <summary>
/// What the console's open pages hear at once: a case page the lines of its conversation, a station's queue that a
/// conversation joined or changed. Only ids and the lines themselves go out, to the groups whose staff may see them.
/// On PostgreSQL a page may be open on another instance than the one where the line was said: each change is also
/// told to the others (<see cref="LiveConsoleRelay"/>), by id only, for NOTIFY carries at most 8 kB and a line is
/// the worker's own words.
/// </summary>
public sealed class LiveConsole(IHubContext<ConsoleHub> hub, Database database)
{
    public const string LineEvent = "line";
    public const string QueueEvent = "queue";

    /// <summary>Told to every page when this instance may have missed another's notices: each reads again what it shows.</summary>
    public const string CatchUpEvent = "catchup";

    /// <summary>Ids of lines per notification: well under NOTIFY's 8 kB however long the ids grow.</summary>
    private const int IdsPerNotice = 200;

    /// <summary>The scripts of a page that hears the console live: SignalR's client, bundled at build time, and ours.</summary>
    public static readonly IReadOnlyList<string> Scripts = ["/lib/signalr.min.js", "/js/console-live.js"];

    /// <summary>Tells this instance's notices from the others', so it does not send its own twice.</summary>
    internal string Instance { get; } = Guid.NewGuid().ToString("N");

    public static string CaseGroup(int handoffId) => $"handoff:{handoffId}";

    public static string StationGroup(int? stationId) => stationId is { } id ? $"station:{id}" : "stations";

    public async Task LinesAsync(IEnumerable<ChatMessage> lines, CancellationToken cancellationToken)
    {
        var said = lines.ToList();
        await SendLinesAsync(said, cancellationToken);
        foreach (var ids in said.Select(l => l.Id.ToString(CultureInfo.InvariantCulture)).Chunk(IdsPerNotice))
        {
            await TellOthersAsync(LiveConsoleRelay.Lines, string.Join(',', ids), cancellationToken);
        }
    }

    /// <summary>The station's queue and the administrators' hear of it; urgent conversations say so.</summary>
    public async Task QueueChangedAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await SendQueueChangedAsync(handoff, cancellationToken);
        await TellOthersAsync(LiveConsoleRelay.Queue, handoff.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    internal Task SendLinesAsync(IEnumerable<ChatMessage> lines, CancellationToken cancellationToken) =>
        Task.WhenAll(lines.Select(l => hub.Clients.Group(CaseGroup(l.HandoffId)).SendAsync(LineEvent, LiveLine.Of(l), cancellationToken)));

    internal Task SendQueueChangedAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        var news = new { handoffId = handoff.Id, stationId = handoff.StationId, urgent = handoff.Urgent, state = handoff.State.ToString() };
        return hub.Clients.Groups(StationGroup(handoff.StationId), StationGroup(null)).SendAsync(QueueEvent, news, cancellationToken);
    }

    internal Task SendCatchUpAsync(CancellationToken cancellationToken) => hub.Clients.All.SendAsync(CatchUpEvent, cancellationToken);

    private Task TellOthersAsync(string what, string ids, CancellationToken cancellationToken) =>
        database.IsPostgres
            ? DatabaseNotifications.NotifyAsync(database, LiveConsoleRelay.ChannelName, $"{Instance} {what} {ids}", cancellationToken)
            : Task.CompletedTask;
}
