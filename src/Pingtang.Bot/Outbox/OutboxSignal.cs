using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Outbox;

/// <summary>Wakes the sender when something was queued, so a message goes out at once rather than at the next sweep.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Dispose() => _pending.Dispose();

    public void Pulse()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one lease picks up everything queued meanwhile.
        }
    }

    /// <summary>Waits for a pulse, or <paramref name="timeout"/> (the sweep).</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Pulses <see cref="OutboxSignal"/> once what was queued is committed: after a save that added to the outbox, or, when
/// the save was part of a transaction, after that transaction commits — before, the sender could not see the rows.
/// Then, and only then, the messages count as queued (<see cref="OutboxMetrics"/>): a failed save or a transaction
/// rolled back queued nothing. Messages queued by one statement (a broadcast's fan-out) are counted by their caller.
/// </summary>
internal sealed class OutboxWakeUp(OutboxSignal signal, OutboxMetrics metrics) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    // A transaction that did not commit queued nothing; so did one a pooled context left unfinished before its reuse.
    // What is being saved stays: SaveChanges runs in a transaction of its own when the caller has none.
    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public ValueTask<System.Data.Common.DbTransaction> TransactionStartedAsync(System.Data.Common.DbConnection connection, TransactionEndEventData eventData, System.Data.Common.DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public System.Data.Common.DbTransaction TransactionStarted(System.Data.Common.DbConnection connection, TransactionEndEventData eventData, System.Data.Common.DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var saving = context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Kind).ToList();
        if (saving.Count > 0)
        {
            _pending.GetOrCreateValue(context).Saving = saving;
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        pending.Saved.AddRange(pending.Saving);
        pending.Saving = [];
        if (context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Failed(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Saving = [];
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Saved.Count == 0)
        {
            return;
        }

        _pending.Remove(context);
        foreach (var kind in pending.Saved.GroupBy(k => k, StringComparer.Ordinal))
        {
            metrics.Queued(kind.Key, kind.Count());
        }

        signal.Pulse();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Saved.Clear();
        }
    }

    /// <summary>The kinds of the messages a context is saving now, and of those saved in its open transaction.</summary>
    private sealed class Pending
    {
        public List<string> Saving { get; set; } = [];

        public List<string> Saved { get; } = [];
    }
}
