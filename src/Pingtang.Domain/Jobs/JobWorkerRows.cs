using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// A merged worker's applications, saved searches and alerts. Where both have applied to the same posting, saved the
/// same search or had an alert on the same day, the survivor's row is kept; the postings either was alerted to stay
/// recorded, so neither is told of them again.
/// </summary>
public sealed class JobWorkerRows(PingtangDb db) : IWorkerRows
{
    public async Task MoveAsync(WorkerMerge merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var (from, into) = (merge.From, merge.Into);
        await db.JobApplications
            .Where(a => a.WorkerId == from && db.JobApplications.Any(b => b.WorkerId == into && b.JobPostingId == a.JobPostingId))
            .ExecuteDeleteAsync(cancellationToken);
        await db.JobApplications.Where(a => a.WorkerId == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.WorkerId, into), cancellationToken);

        await db.SavedSearches
            .Where(s => s.WorkerId == from && db.SavedSearches.Any(t => t.WorkerId == into && t.Query == s.Query))
            .ExecuteDeleteAsync(cancellationToken);
        await db.SavedSearches.Where(s => s.WorkerId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.WorkerId, into), cancellationToken);

        await db.JobAlertPostings
            .Where(p => p.WorkerId == from && db.JobAlertPostings.Any(q => q.WorkerId == into && q.JobPostingId == p.JobPostingId))
            .ExecuteDeleteAsync(cancellationToken);
        await db.JobAlertPostings.Where(p => p.WorkerId == from).ExecuteUpdateAsync(s => s.SetProperty(p => p.WorkerId, into), cancellationToken);
        // An alert on a day the survivor had one too hands its postings to the survivor's, then goes.
        var sameDays = await db.JobAlerts
            .Where(a => a.WorkerId == from)
            .Select(a => new { a.Id, Kept = db.JobAlerts.Where(b => b.WorkerId == into && b.SentOn == a.SentOn).Select(b => (int?)b.Id).FirstOrDefault() })
            .Where(a => a.Kept != null)
            .ToListAsync(cancellationToken);
        foreach (var day in sameDays)
        {
            await db.JobAlertPostings.Where(p => p.JobAlertId == day.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.JobAlertId, day.Kept!.Value), cancellationToken);
            await db.JobAlerts.Where(a => a.Id == day.Id).ExecuteDeleteAsync(cancellationToken);
        }

        await db.JobAlerts.Where(a => a.WorkerId == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.WorkerId, into), cancellationToken);
    }
}
