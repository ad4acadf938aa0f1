using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// A merged worker's bookings, and the travellers on anyone's bookings who are them. Where both booked the same
/// departure, seats beat a waiting place and otherwise the survivor's is kept; the other is cancelled as the worker
/// would cancel it, so the seats it held go to those waiting.
/// </summary>
public sealed class TripWorkerRows(PingtangDb db, TripBookings bookings) : IWorkerRows
{
    public async Task MoveAsync(WorkerMerge merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var active = await db.TripBookings
            .Where(b => (b.WorkerId == merge.From || b.WorkerId == merge.Into) && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waiting))
            .ToListAsync(cancellationToken);
        foreach (var doubled in merge.Doubled(active, b => b.TripId, b => b.WorkerId, b => b.Status == BookingStatus.Confirmed))
        {
            await bookings.CancelWithinAsync(doubled, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.TripBookings.Where(b => b.WorkerId == merge.From).ExecuteUpdateAsync(s => s.SetProperty(b => b.WorkerId, merge.Into), cancellationToken);
        await db.Travellers.Where(t => t.WorkerId == merge.From).ExecuteUpdateAsync(s => s.SetProperty(t => t.WorkerId, merge.Into), cancellationToken);
    }
}
