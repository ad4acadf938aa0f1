using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Calendar;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Complaints;

/// <summary>Reads what <see cref="CaseClocks.For"/> needs — the calendar, each station's terms — once for a set of cases.</summary>
public sealed class ComplaintClockReader(PingtangDb db, TimeProvider time)
{
    /// <summary>The clocks of each case now, by case id; each case's history must be loaded.</summary>
    public async Task<IReadOnlyDictionary<int, CaseClocks>> ForAsync(IReadOnlyCollection<Complaint> complaints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        var days = await WorkingDays.LoadAsync(db, cancellationToken);
        var stations = complaints.Select(c => c.StationId).Distinct().ToList();
        var terms = await db.Set<StationServiceHours>().AsNoTracking()
            .Where(h => stations.Contains(h.StationId))
            .ToDictionaryAsync(h => h.StationId, h => h.Terms, cancellationToken);
        var ids = complaints.Select(c => c.Id).ToList();
        // A staff member writing to the worker in the console is the station's first answer too.
        var firstWritten = await db.Handoffs.AsNoTracking()
            .Where(h => h.ComplaintId != null && ids.Contains(h.ComplaintId.Value))
            .SelectMany(h => h.Messages.Where(m => m.Author == ChatAuthor.Staff), (h, m) => new { h.ComplaintId, m.At })
            .GroupBy(x => x.ComplaintId!.Value)
            .Select(g => new { Complaint = g.Key, At = g.Min(x => x.At) })
            .ToDictionaryAsync(x => x.Complaint, x => x.At, cancellationToken);
        var now = time.GetUtcNow();
        return complaints.ToDictionary(
            c => c.Id,
            c => CaseClocks.For(ClockFacts.Of(c, firstWritten.TryGetValue(c.Id, out var at) ? at : null), terms.GetValueOrDefault(c.StationId) ?? ServiceTerms.Default, days, now));
    }

    /// <summary>The clocks of one case now.</summary>
    public async Task<CaseClocks> ForAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return (await ForAsync([complaint], cancellationToken))[complaint.Id];
    }
}
