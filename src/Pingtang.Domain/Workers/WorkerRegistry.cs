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

    public async Task<Worker> SaveProfileAsync(int workerId, WorkerProfile profile, CancellationToken cancellationToken)
    {
        var worker = await GetAsync(workerId, cancellationToken);
        worker.UpdateProfile(profile, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return worker;
    }

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
