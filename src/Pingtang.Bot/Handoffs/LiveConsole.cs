using Microsoft.AspNetCore.SignalR;
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
/// </summary>
public sealed class LiveConsole(IHubContext<ConsoleHub> hub)
{
    public const string LineEvent = "line";
    public const string QueueEvent = "queue";

    /// <summary>The scripts of a page that hears the console live: SignalR's client, bundled at build time, and ours.</summary>
    public static readonly IReadOnlyList<string> Scripts = ["/lib/signalr.min.js", "/js/console-live.js"];

    public static string CaseGroup(int handoffId) => $"handoff:{handoffId}";

    public static string StationGroup(int? stationId) => stationId is { } id ? $"station:{id}" : "stations";

    public Task LinesAsync(IEnumerable<ChatMessage> lines, CancellationToken cancellationToken) =>
        Task.WhenAll(lines.Select(l => hub.Clients.Group(CaseGroup(l.HandoffId)).SendAsync(LineEvent, LiveLine.Of(l), cancellationToken)));

    /// <summary>The station's queue and the administrators' hear of it; urgent conversations say so.</summary>
    public Task QueueChangedAsync(Handoff handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var news = new { handoffId = handoff.Id, stationId = handoff.StationId, urgent = handoff.Urgent, state = handoff.State.ToString() };
        return hub.Clients.Groups(StationGroup(handoff.StationId), StationGroup(null)).SendAsync(QueueEvent, news, cancellationToken);
    }
}
