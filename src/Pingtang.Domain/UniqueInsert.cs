using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain;

/// <summary>Saving a row that a unique index guards, when the same row may be saved at the same moment elsewhere.</summary>
internal static class UniqueInsert
{
    /// <summary>
    /// Adds and saves <paramref name="entity"/>; false when the index refused it because the same row was saved at
    /// the same moment (a second message, a job run twice) and <paramref name="alreadySaved"/> now finds it. Any other
    /// failure throws. The unit of work is cleared after a refusal, so call it with nothing else unsaved.
    /// </summary>
    public static async Task<bool> TryInsertAsync(this PingtangDb db, object entity, Func<Task<bool>> alreadySaved, CancellationToken cancellationToken)
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await alreadySaved())
            {
                return false;
            }

            throw;
        }
    }
}
