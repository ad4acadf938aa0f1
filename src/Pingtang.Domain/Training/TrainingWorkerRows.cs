using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Training;

/// <summary>
/// A merged worker's enrolments. Where both are enrolled in the same session, a seat beats a waiting place and
/// otherwise the survivor's is kept; the other is cancelled as the worker would cancel it, so a seat it held goes to
/// the next one waiting.
/// </summary>
public sealed class TrainingWorkerRows(PingtangDb db, Enrolments enrolments) : IWorkerRows
{
    public async Task MoveAsync(WorkerMerge merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var active = await db.Enrolments
            .Where(e => (e.WorkerId == merge.From || e.WorkerId == merge.Into) && (e.Status == EnrolmentStatus.Confirmed || e.Status == EnrolmentStatus.Waiting))
            .ToListAsync(cancellationToken);
        foreach (var doubled in merge.Doubled(active, e => e.SessionId, e => e.WorkerId, e => e.Status == EnrolmentStatus.Confirmed))
        {
            await enrolments.CancelWithinAsync(doubled, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.Enrolments.Where(e => e.WorkerId == merge.From).ExecuteUpdateAsync(s => s.SetProperty(e => e.WorkerId, merge.Into), cancellationToken);
    }
}
