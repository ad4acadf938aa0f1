using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// Keeps workers' saved searches (有新岗位通知我). Alerts for them go only to workers who accept reminders
/// (<see cref="Workers.Worker.AcceptsReminders"/>); saving a search does not change that consent.
/// </summary>
public sealed class SavedSearches(PingtangDb db, TimeProvider time)
{
    public async Task<SaveSearchOutcome> SaveAsync(int workerId, JobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var saved = await QueriesAsync(workerId, cancellationToken);
        if (saved.Contains(query))
        {
            return SaveSearchOutcome.AlreadySaved;
        }

        if (saved.Count >= SavedSearch.MaxPerWorker)
        {
            return SaveSearchOutcome.LimitReached;
        }

        var search = new SavedSearch { WorkerId = workerId, Query = query, SavedAt = time.GetUtcNow() };
        return await db.TryInsertAsync(search, async () => (await QueriesAsync(workerId, cancellationToken)).Contains(query), cancellationToken)
            ? SaveSearchOutcome.Saved
            : SaveSearchOutcome.AlreadySaved;
    }

    /// <summary>The worker's saved searches, oldest first.</summary>
    public async Task<IReadOnlyList<SavedSearch>> ListAsync(int workerId, CancellationToken cancellationToken) =>
        await db.SavedSearches.AsNoTracking()
            .Where(s => s.WorkerId == workerId)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Deletes one of the worker's saved searches; false when it is not theirs or already gone.</summary>
    public async Task<bool> DeleteAsync(int workerId, int savedSearchId, CancellationToken cancellationToken) =>
        await db.SavedSearches
            .Where(s => s.Id == savedSearchId && s.WorkerId == workerId)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<List<JobQuery>> QueriesAsync(int workerId, CancellationToken cancellationToken) =>
        await db.SavedSearches.Where(s => s.WorkerId == workerId).Select(s => s.Query).ToListAsync(cancellationToken);
}

public enum SaveSearchOutcome
{
    Saved,
    AlreadySaved,

    /// <summary>The worker already has <see cref="SavedSearch.MaxPerWorker"/> saved searches: delete one first.</summary>
    LimitReached,
}
