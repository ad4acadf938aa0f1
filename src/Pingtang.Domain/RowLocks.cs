using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain;

/// <summary>
/// The row lock a read-then-write step takes on what it counts from — a session's or a trip's seats and waiting list —
/// so that two such steps at once take turns. On PostgreSQL, under READ COMMITTED, two cancellations could otherwise
/// both read the same first waiting worker and promote them twice, or a cancellation miss the waiting worker an
/// enrolment is adding. On SQLite every write transaction already runs alone (BEGIN IMMEDIATE), so there is nothing to take.
/// </summary>
internal static class RowLocks
{
    /// <summary>
    /// Locks the <typeparamref name="TEntity"/> row <paramref name="id"/> until the caller's transaction ends; what the
    /// caller reads after this sees every change committed before it. Always lock the parent (session, trip) before
    /// its rows, so that two steps never wait for each other.
    /// </summary>
    public static Task LockRowAsync<TEntity>(this PingtangDb db, int id, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return Task.CompletedTask;
        }

        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        // Names from the model, never from input; the id is a parameter.
        var sql = $"SELECT 1 FROM \"{entity.GetTableName()}\" WHERE \"{entity.FindPrimaryKey()!.Properties[0].GetColumnName()}\" = {{0}} FOR UPDATE";
        return db.Database.ExecuteSqlRawAsync(sql, [id], cancellationToken);
    }
}
