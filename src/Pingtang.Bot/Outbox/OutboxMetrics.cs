using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Outbox;

/// <summary>
/// The outbox's measurements: messages queued (by kind), sent (by channel and kind) and failed tries (by kind), counted
/// by this instance as it does each; and the messages not yet out, by state, read from the database, so every
/// instance shows the same queue.
/// </summary>
public sealed class OutboxMetrics
{
    /// <summary>The states of a message still to go: everything but sent, dead and skipped.</summary>
    internal static readonly OutboxState[] Unfinished = [OutboxState.Queued, OutboxState.Sending, OutboxState.Failed, OutboxState.Waiting, OutboxState.Held];

    private readonly Counter<long> _queued;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly DatabaseReading<Dictionary<OutboxState, int>> _waiting;

    public OutboxMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxMetrics> logger)
    {
        var meter = meters.PingtangMeter();
        _queued = meter.CreateCounter<long>("pingtang.outbox.queued", "{message}", "Messages put on the outbox, by kind.");
        _sent = meter.CreateCounter<long>("pingtang.outbox.sent", "{message}", "Outbox messages a channel took, by channel and kind.");
        _failed = meter.CreateCounter<long>("pingtang.outbox.failed", "{message}", "Tries to send an outbox message that failed (it is tried again until it is dead), by kind.");
        _waiting = new(
            sp => sp.GetRequiredService<PingtangDb>().Outbox.AsNoTracking()
                .Where(m => Unfinished.Contains(m.State))
                .GroupBy(m => m.State)
                .Select(g => new { State = g.Key, Count = g.Count() })
                .ToDictionary(g => g.State, g => g.Count),
            scopes,
            time,
            logger);
        meter.CreateObservableGauge(
            "pingtang.outbox.messages",
            () => _waiting.Current() is { } counts
                ? Unfinished.Select(s => new Measurement<int>(counts.GetValueOrDefault(s), new KeyValuePair<string, object?>("state", Label(s))))
                : [],
            "{message}",
            "Outbox messages not yet out, by state: queued, sending, failed (to be tried again), waiting (for the worker's next message), held (a paused campaign).");
    }

    public void Queued(string kind, int count)
    {
        if (count > 0)
        {
            _queued.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    public void Sent(string channel, string kind) => _sent.Add(1, new("channel", channel), new("kind", kind));

    public void Failed(string kind) => _failed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A state as the labels write it: <c>queued</c>, <c>sending</c>, …</summary>
    internal static string Label(OutboxState state) => state.ToString().ToLowerInvariant();
}
