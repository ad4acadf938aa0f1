using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Complaints;

/// <summary>One line of a station's queue: the case, its clocks now, and whether a person is talking with the worker.</summary>
public sealed record QueuedComplaint(Complaint Complaint, CaseClocks Clocks);

/// <summary>The open cases a station works on: urgent first, then the one whose first answer is due soonest.</summary>
public sealed class ComplaintQueue(PingtangDb db, ComplaintClockReader clocks)
{
    /// <summary>More than a station clears in weeks: a longer queue is narrowed with the filters.</summary>
    public const int MostShown = 300;

    private static readonly ComplaintStatus[] Finished = [ComplaintStatus.Resolved, ComplaintStatus.ReferredToInspection, ComplaintStatus.Closed];

    /// <summary>
    /// Cases of <paramref name="stationId"/> (every station when null) that are still open, or of
    /// <paramref name="status"/> when given, of <paramref name="category"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<QueuedComplaint>> ListAsync(int? stationId, ComplaintStatus? status, ComplaintCategory? category, CancellationToken cancellationToken)
    {
        var cases = db.Complaints.AsNoTracking().Include(c => c.History).Include(c => c.Station).AsSplitQuery();
        cases = stationId is { } station ? cases.Where(c => c.StationId == station) : cases;
        cases = status is { } only ? cases.Where(c => c.Status == only) : cases.Where(c => !Finished.Contains(c.Status));
        cases = category is { } kind ? cases.Where(c => c.Category == kind) : cases;
        var found = await cases.OrderByDescending(c => c.UrgentBecause != "").ThenByDescending(c => c.Id).Take(MostShown).ToListAsync(cancellationToken);
        var clocksNow = await clocks.ForAsync(found, cancellationToken);
        return [.. found
            .Select(c => new QueuedComplaint(c, clocksNow[c.Id]))
            .OrderByDescending(q => q.Complaint.IsUrgent)
            .ThenBy(q => q.Clocks.FirstResponse.StoppedAt is null ? 0 : 1)
            .ThenBy(q => q.Clocks.FirstResponse.DueAt)];
    }

    /// <summary>One case with all its file holds: its history in order, its evidence, its worker and station.</summary>
    public Task<Complaint?> FindCaseAsync(int complaintId, CancellationToken cancellationToken) =>
        db.Complaints.AsNoTracking()
            .Include(c => c.History.OrderBy(s => s.At).ThenBy(s => s.Id)).Include(c => c.Evidence.OrderBy(e => e.Id))
            .Include(c => c.Station).Include(c => c.Worker)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken);
}
