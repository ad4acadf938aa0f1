using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Outbox;

/// <summary>
/// A merged worker's messages, sent and unsent: what is still to go reaches the survivor on the channel they used
/// last, and the history stays with the person.
/// </summary>
public sealed class OutboxWorkerRows(PingtangDb db) : IWorkerRows
{
    public Task MoveAsync(WorkerMerge merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return db.Outbox.Where(m => m.WorkerId == merge.From).ExecuteUpdateAsync(s => s.SetProperty(m => m.WorkerId, merge.Into), cancellationToken);
    }
}
