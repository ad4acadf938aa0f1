using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// Decides the 新岗位提醒 for saved searches: who gets one now and which postings it names. Only workers who accept
/// reminders, never in the quiet hours, at most one alert a day in China, at most <see cref="MaxPostings"/> postings,
/// newest first, each posting new since the search was saved and never named to that worker before.
/// </summary>
/// <remarks>
/// The sender claims an alert (<see cref="ClaimAsync"/>) before sending and releases it when the send fails
/// (<see cref="ReleaseAsync"/>), so a job that runs twice, or twice at once, never sends the same alert twice.
/// </remarks>
public sealed class JobAlerts(PingtangDb db, TimeProvider time)
{
    public const int MaxPostings = 3;

    /// <summary>From 22:00 to 08:00 in China nobody is woken by an alert; the first run after 08:00 sends.</summary>
    public static readonly TimeOnly QuietFrom = new(22, 0);

    public static readonly TimeOnly QuietUntil = new(8, 0);

    public static bool IsQuietHour(DateTimeOffset instant)
    {
        var clock = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone).DateTime);
        return clock >= QuietFrom || clock < QuietUntil;
    }

    /// <summary>
    /// Up to <paramref name="count"/> workers, by id after <paramref name="afterWorkerId"/>, who may get an alert now:
    /// they accept reminders, have a saved search and have had no alert today. None in the quiet hours.
    /// </summary>
    public async Task<IReadOnlyList<int>> DueAsync(int afterWorkerId, int count, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (IsQuietHour(now))
        {
            return [];
        }

        var today = ChinaTime.DateOf(now);
        return await db.Workers
            .Where(w => w.AcceptsReminders)
            .Where(w => db.SavedSearches.Any(s => s.WorkerId == w.Id))
            .Where(w => !db.JobAlerts.Any(a => a.WorkerId == w.Id && a.SentOn == today))
            .Select(w => w.Id)
            .NextBatchAsync(afterWorkerId, count, cancellationToken);
    }

    /// <summary>
    /// Picks the worker's alert and records it as sent, or null when there is nothing to send now: quiet hours, no
    /// consent, an alert already today, or no new posting. Send it, then <see cref="ReleaseAsync"/> it if that fails.
    /// </summary>
    public async Task<PendingJobAlert?> ClaimAsync(int workerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        if (IsQuietHour(now))
        {
            return null;
        }

        var worker = await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is not { AcceptsReminders: true } || await SentTodayAsync(workerId, today, cancellationToken))
        {
            return null;
        }

        var postings = await NewPostingsAsync(workerId, worker.AgeIn(today.Year), today, cancellationToken);
        if (postings.Count == 0)
        {
            return null;
        }

        var alert = new JobAlert
        {
            WorkerId = workerId,
            SentOn = today,
            SentAt = now,
            Postings = postings.Select(p => new JobAlertPosting { WorkerId = workerId, JobPostingId = p.Id }).ToList(),
        };
        // Another run may claim this worker's alert at the same moment: the unique keys keep one.
        return await db.TryInsertAsync(alert, () => SentTodayAsync(workerId, today, cancellationToken), cancellationToken)
            ? new PendingJobAlert(alert.Id, workerId, postings)
            : null;
    }

    /// <summary>Forgets a claimed alert whose message could not be sent, so the next run tries again.</summary>
    public Task ReleaseAsync(int alertId, CancellationToken cancellationToken) =>
        db.JobAlerts.Where(a => a.Id == alertId).ExecuteDeleteAsync(cancellationToken);

    private Task<bool> SentTodayAsync(int workerId, DateOnly today, CancellationToken cancellationToken) =>
        db.JobAlerts.AnyAsync(a => a.WorkerId == workerId && a.SentOn == today, cancellationToken);

    /// <summary>Open postings any of the worker's saved searches finds that are new since it was saved and never named to them.</summary>
    private async Task<IReadOnlyList<JobSummary>> NewPostingsAsync(int workerId, int? age, DateOnly today, CancellationToken cancellationToken)
    {
        var searches = await db.SavedSearches.AsNoTracking().Where(s => s.WorkerId == workerId).ToListAsync(cancellationToken);
        if (searches.Count == 0)
        {
            return [];
        }

        var search = new JobSearch(db, time);
        var fresh = searches
            .Select(s => search.Matching(s.Query, age, today).Where(j => j.UpdatedAt > s.SavedAt))
            .Aggregate(Queryable.Union);
        var neverNamed = fresh.Where(j => !db.JobAlertPostings.Any(p => p.WorkerId == workerId && p.JobPostingId == j.Id));
        return await JobSearch.Summaries(JobSearch.Newest(neverNamed).Take(MaxPostings)).ToListAsync(cancellationToken);
    }
}

/// <summary>A claimed alert: the postings to name, newest first, in the message to the worker.</summary>
public sealed record PendingJobAlert(int Id, int WorkerId, IReadOnlyList<JobSummary> Postings);
