using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Complaints;

/// <summary>A worker's case as 查进度 lists it.</summary>
public sealed record MyComplaint(string Number, ComplaintCategory Category, ComplaintStatus Status, DateTimeOffset FiledAt);

/// <summary>How cases move on after filing, and what a worker sees of their own.</summary>
public sealed class ComplaintProgress(PingtangDb db, OutboxMessages outbox, TimeProvider time)
{
    /// <summary>
    /// Moves case <paramref name="complaintId"/> to <paramref name="status"/> and, in the same save, queues the worker's
    /// notice (<see cref="ComplaintNotices"/>); the sender delivers it outside any turn. A move the rules refuse is a
    /// <see cref="DomainException"/>, and an unknown case returns null; neither changes nor queues anything.
    /// </summary>
    public async Task<ComplaintStatusChange?> ChangeStatusAsync(int complaintId, ComplaintStatus status, string by, string? note, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        // The step's place in the history names its notice: two moves to one status, even at one instant, are two notices.
        var step = 1 + await db.Set<ComplaintStatusChange>().CountAsync(s => s.ComplaintId == complaintId, cancellationToken);
        var change = complaint.ChangeStatus(status, by, note, time.GetUtcNow());
        outbox.Queue(ComplaintNotices.StatusChanged(complaint, change, step));
        await db.SaveChangesAsync(cancellationToken);
        return change;
    }

    /// <summary>The worker's cases, the most recently filed first.</summary>
    public async Task<IReadOnlyList<MyComplaint>> ForWorkerAsync(int workerId, CancellationToken cancellationToken) =>
        await db.Complaints.AsNoTracking()
            .Where(c => c.WorkerId == workerId)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence)
            .Select(c => new MyComplaint(c.Number, c.Category, c.Status, c.FiledAt))
            .ToListAsync(cancellationToken);
}
