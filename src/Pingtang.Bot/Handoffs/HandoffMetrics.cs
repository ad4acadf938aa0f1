using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
using Pingtang.Domain.Handoffs;

namespace Pingtang.Bot.Handoffs;

/// <summary>
/// The handoff queue: conversations waiting for a person and those a person holds, by station, read from the
/// database (one grouped count, at most every few seconds), so every instance shows the whole county's queue.
/// </summary>
public sealed class HandoffMetrics
{
    private static readonly HandoffState[] Open = [HandoffState.Waiting, HandoffState.Live];

    private readonly DatabaseReading<List<StationCount>> _queue;

    public HandoffMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time, ILogger<HandoffMetrics> logger)
    {
        _queue = new(Read, scopes, time, logger);
        meters.PingtangMeter().CreateObservableGauge(
            "pingtang.handoffs",
            () => _queue.Current() is { } counts ? Measurements(counts) : [],
            "{conversation}",
            "Conversations with a person asked for (waiting) or holding them (live), by station.");
    }

    private static List<StationCount> Read(IServiceProvider services)
    {
        var db = services.GetRequiredService<PingtangDb>();
        var counts = db.Handoffs.AsNoTracking()
            .Where(h => Open.Contains(h.State))
            .GroupBy(h => new { h.StationId, h.State })
            .Select(g => new { g.Key.StationId, g.Key.State, Count = g.Count() })
            .ToList();
        // Every station shows, at nought when nobody waits: an empty queue is a reading too.
        return [.. db.Stations.AsNoTracking().Select(s => new { s.Id, s.Name }).ToList()
            .SelectMany(s => Open.Select(state => new StationCount(s.Name, state, counts.Where(c => c.StationId == s.Id && c.State == state).Sum(c => c.Count))))];
    }

    private static IEnumerable<Measurement<int>> Measurements(List<StationCount> counts) =>
        counts.Select(c => new Measurement<int>(
            c.Count,
            new KeyValuePair<string, object?>("station", c.Station),
            new KeyValuePair<string, object?>("state", c.State.ToString().ToLowerInvariant())));

    private sealed record StationCount(string Station, HandoffState State, int Count);
}
