using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Workers;

/// <summary>Registers workers and keeps their profiles.</summary>
public sealed class WorkerRegistry(PingtangDb db, TimeProvider time)
{
    public async Task<Worker> RegisterAsync(CancellationToken cancellationToken)
    {
        var worker = Worker.Register(time.GetUtcNow());
        db.Workers.Add(worker);
        await db.SaveChangesAsync(cancellationToken);
        return worker;
    }

    public Task<Worker?> FindAsync(int workerId, CancellationToken cancellationToken) =>
        db.Workers.SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);

    /// <summary>
    /// Replaces the worker's profile, all but a mobile number another worker's profile has: that stays theirs until
    /// this worker proves it is theirs too (<see cref="WorkerLinks"/>), and this worker keeps the number they had. The
    /// saved worker shows which.
    /// </summary>
    public async Task<Worker> SaveProfileAsync(int workerId, WorkerProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // BEGIN IMMEDIATE on SQLite: the number is checked and saved under one lock, as WorkerLinks does.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var worker = await GetAsync(workerId, cancellationToken);
        if (profile.Mobile is { } mobile && mobile != worker.Mobile && await OwnerOfAsync(db, mobile, workerId, cancellationToken) is not null)
        {
            profile = profile with { Mobile = worker.Mobile };
        }

        worker.UpdateProfile(profile, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return worker;
    }

    /// <summary>
    /// The worker other than <paramref name="workerId"/> whose profile has <paramref name="mobile"/>: the first
    /// registered, where a database from before linking has several.
    /// </summary>
    internal static Task<int?> OwnerOfAsync(PingtangDb db, string mobile, int workerId, CancellationToken cancellationToken) =>
        db.Workers
            .Where(w => w.Mobile == mobile && w.Id != workerId)
            .OrderBy(w => w.Id)
            .Select(w => (int?)w.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the worker wants reminders and alerts: 退订 says no; agreeing to job alerts says yes.</summary>
    public async Task SetRemindersAsync(int workerId, bool accepts, CancellationToken cancellationToken)
    {
        var worker = await GetAsync(workerId, cancellationToken);
        worker.SetReminders(accepts);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>退订: promotional messages stop, and the worker is known to have said so.</summary>
    public async Task UnsubscribeAsync(int workerId, CancellationToken cancellationToken)
    {
        var worker = await GetAsync(workerId, cancellationToken);
        worker.Unsubscribe(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Worker> GetAsync(int workerId, CancellationToken cancellationToken) =>
        await FindAsync(workerId, cancellationToken) ?? throw new DomainException($"没有编号为 {workerId} 的务工人员");
}
