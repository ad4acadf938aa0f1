using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Outbox;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Broadcasts;

/// <summary>
/// How far each running campaign has gone — sending or paused, or fanned out with messages still to go — by its
/// outbox messages' states, read from the database.
/// A gauge of the rows rather than counters in the sender, because the rows are the truth every instance shares —
/// counters would show each instance's share and start again at every restart — and because the states counters
/// cannot follow (held by a pause, skipped by a cancel) are rows too. One grouped count over the outbox's
/// (CampaignId, State) index, taken at most every few seconds.
/// </summary>
public sealed class BroadcastMetrics
{
    private static readonly OutboxState[] States = Enum.GetValues<OutboxState>();

    private readonly DatabaseReading<List<CampaignCount>> _progress;

    public BroadcastMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time, ILogger<BroadcastMetrics> logger)
    {
        _progress = new(Read, scopes, time, logger);
        meters.PingtangMeter().CreateObservableGauge(
            "pingtang.broadcast.messages",
            () => _progress.Current() is { } counts ? Measurements(counts) : [],
            "{message}",
            "Messages of each running campaign (sending, paused, or with messages still to go) by outbox state: queued, sending, sent, failed, dead, skipped, held, waiting.");
    }

    private static List<CampaignCount> Read(IServiceProvider services)
    {
        var db = services.GetRequiredService<PingtangDb>();
        var delivering = db.Outbox.Where(m => m.CampaignId != null && OutboxMetrics.Unfinished.Contains(m.State)).Select(m => m.CampaignId!.Value);
        var running = db.Campaigns
            .Where(c => c.State == CampaignState.Sending || c.State == CampaignState.Paused || delivering.Contains(c.Id))
            .Select(c => c.Id)
            .ToList();
        var counts = db.Outbox.AsNoTracking()
            .Where(m => m.CampaignId != null && running.Contains(m.CampaignId.Value))
            .GroupBy(m => new { m.CampaignId, m.State })
            .Select(g => new CampaignCount(g.Key.CampaignId!.Value, g.Key.State, g.Count()))
            .ToList();
        // A campaign that has queued nothing yet still shows, at nought.
        return [.. counts, .. running.Select(id => new CampaignCount(id, OutboxState.Queued, 0))];
    }

    private static IEnumerable<Measurement<int>> Measurements(List<CampaignCount> counts) =>
        from campaign in counts.GroupBy(c => c.CampaignId)
        from state in States
        select new Measurement<int>(
            campaign.Where(c => c.State == state).Sum(c => c.Count),
            new KeyValuePair<string, object?>("campaign", campaign.Key.ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, object?>("state", OutboxMetrics.Label(state)));

    private sealed record CampaignCount(int CampaignId, OutboxState State, int Count);
}
