using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Stations;

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

    /// <summary>
    /// Notes where the worker came through (<see cref="WorkerOrigin"/>) in what their profile does not say yet: the
    /// township, and for a cooperation station the place it serves as the city they work in — so their handoffs and
    /// the broadcasts to that place find them. The county centre's code says nothing of where they work.
    /// </summary>
    public async Task CameThroughAsync(int workerId, WorkerOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var worker = await GetAsync(workerId, cancellationToken);
        var station = origin.StationId is { } id and not Station.CountyCentreId
            ? await db.Set<Station>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            : null;
        worker.CameThrough(origin.Township, station is null ? null : WithoutProvince(station.Location));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>广东省东莞市大朗镇 → 东莞市大朗镇: the city and district, as a worker says where they work.</summary>
    private static string WithoutProvince(string location)
    {
        var province = location.IndexOf('省', StringComparison.Ordinal);
        return province < 0 ? location : location[(province + 1)..];
    }

    private async Task<Worker> GetAsync(int workerId, CancellationToken cancellationToken) =>
        await FindAsync(workerId, cancellationToken) ?? throw new DomainException($"没有编号为 {workerId} 的务工人员");
}
