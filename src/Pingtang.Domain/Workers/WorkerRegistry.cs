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

    /// <summary>退订: the worker no longer wants reminders or alerts.</summary>
    public async Task StopRemindersAsync(int workerId, CancellationToken cancellationToken)
    {
        var worker = await GetAsync(workerId, cancellationToken);
        worker.StopReminders();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Worker> GetAsync(int workerId, CancellationToken cancellationToken) =>
        await FindAsync(workerId, cancellationToken) ?? throw new DomainException($"没有编号为 {workerId} 的务工人员");
}
