using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// Decides the 新岗位提醒 for saved searches — who gets one and which postings it names — and queues it on the outbox.
/// Only workers who accept reminders, at most one alert a day in China, at most <see cref="MaxPostings"/> postings,
/// newest first, each posting new since the search was saved and never named to that worker before. Quiet hours are
/// the outbox's rule: an alert queued at night goes in the morning.
/// </summary>
public sealed class JobAlerts(PingtangDb db, TimeProvider time)
{
    public const int MaxPostings = 3;

    /// <summary>What staff read on the outbox page.</summary>
    public const string Kind = "新岗位提醒";

    private readonly OutboxMessages _outbox = new(db, time);

    /// <summary>
    /// Up to <paramref name="count"/> workers, by id after <paramref name="afterWorkerId"/>, who may get an alert now:
    /// they accept reminders, have a saved search and have had no alert today.
    /// </summary>
    /// <remarks>
    /// The outbox's consent rule decides again at send time (a worker may say 退订 between queueing and sending); asking
    /// here too keeps alerts for workers who said no from being composed, queued and skipped every day.
    /// </remarks>
    public async Task<IReadOnlyList<int>> DueAsync(int afterWorkerId, int count, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        return await db.Workers
            .Where(w => w.AcceptsReminders)
            .Where(w => db.SavedSearches.Any(s => s.WorkerId == w.Id))
            .Where(w => !db.JobAlerts.Any(a => a.WorkerId == w.Id && a.SentOn == today))
            .Select(w => w.Id)
            .NextBatchAsync(afterWorkerId, count, cancellationToken);
    }

    /// <summary>The worker's alert due today, or null when there is nothing to send: no consent, an alert already today, or no new posting.</summary>
    public async Task<PendingJobAlert?> PickAsync(int workerId, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var worker = await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is not { AcceptsReminders: true } || await SentTodayAsync(workerId, today, cancellationToken))
        {
            return null;
        }

        var postings = await NewPostingsAsync(workerId, worker.AgeIn(today.Year), today, cancellationToken);
        return postings.Count == 0 ? null : new PendingJobAlert(workerId, today, postings);
    }

    /// <summary>
    /// Records the alert and queues its message, <paramref name="text"/>, in one save, so the alert is recorded if and
    /// only if its message will go; false when another run queued the worker's alert of that day first. Call it with
    /// nothing else unsaved.
    /// </summary>
    public Task<bool> QueueAsync(PendingJobAlert alert, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        _outbox.Queue(new OutboxDraft(
            alert.WorkerId,
            Kind,
            MessagePurpose.Promotional,
            string.Create(CultureInfo.InvariantCulture, $"job-alert:{alert.WorkerId}:{alert.On:yyyyMMdd}"),
            text));
        var record = new JobAlert
        {
            WorkerId = alert.WorkerId,
            SentOn = alert.On,
            SentAt = time.GetUtcNow(),
            Postings = alert.Postings.Select(p => new JobAlertPosting { WorkerId = alert.WorkerId, JobPostingId = p.Id }).ToList(),
        };
        return db.TryInsertAsync(record, () => SentTodayAsync(alert.WorkerId, alert.On, cancellationToken), cancellationToken);
    }

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

/// <summary>An alert to queue: the worker's day in China it is for, and the postings to name, newest first.</summary>
public sealed record PendingJobAlert(int WorkerId, DateOnly On, IReadOnlyList<JobSummary> Postings);
