using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Complaints;

/// <summary>A merged worker's cases: all of them are the survivor's, so 查进度 lists them and their news reaches them.</summary>
public sealed class ComplaintWorkerRows(PingtangDb db) : IWorkerRows
{
    public Task MoveAsync(WorkerMerge merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return db.Complaints.Where(c => c.WorkerId == merge.From).ExecuteUpdateAsync(s => s.SetProperty(c => c.WorkerId, merge.Into), cancellationToken);
    }
}
