using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Handoffs;

/// <summary>
/// A merged worker's conversations with staff and their ratings. A worker has one open conversation at a time: where
/// both had one, the survivor's stays open and the other is handed back, with a line in its transcript for staff.
/// </summary>
public sealed class HandoffWorkerRows(PingtangDb db) : IWorkerRows
{
    public async Task MoveAsync(WorkerMerge merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var open = await db.Handoffs
            .Where(h => (h.WorkerId == merge.From || h.WorkerId == merge.Into) && h.State != HandoffState.Ended)
            .ToListAsync(cancellationToken);
        if (open.Find(h => h.WorkerId == merge.Into) is { } kept && open.Find(h => h.WorkerId == merge.From) is { } other)
        {
            other.Record(ChatAuthor.System, null, $"这位务工人员的两处信息已合并，对话在第 {kept.Id} 号继续", merge.At);
            other.End(HandoffEnding.HandedBack, null, merge.At);
            await db.SaveChangesAsync(cancellationToken);
        }

        await db.Handoffs.Where(h => h.WorkerId == merge.From).ExecuteUpdateAsync(s => s.SetProperty(h => h.WorkerId, merge.Into), cancellationToken);
        await db.HelpRatings.Where(r => r.WorkerId == merge.From).ExecuteUpdateAsync(s => s.SetProperty(r => r.WorkerId, merge.Into), cancellationToken);
    }
}
