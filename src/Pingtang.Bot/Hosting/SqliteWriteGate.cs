using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// One writer at a time on the SQLite database in this process, first come first served, for both contexts
/// (<see cref="Pingtang.Domain.PingtangDb"/> and <see cref="BotDb"/> share the file).
/// </summary>
/// <remarks>
/// <para>
/// Why: SQLite has one write lock per database, and Microsoft.Data.Sqlite installs no busy handler of SQLite's own.
/// A writer that finds the lock taken gets SQLITE_BUSY, and the provider blocks its thread for 150 ms before trying
/// again (SqliteDataReader.NextResult and SqliteConnectionInternal.RetryWhileBusy; dotnet/efcore#36658), so a turn
/// that writes while another turn writes waits 150 ms for a lock held for well under a millisecond. Here a writer
/// waits its turn on a semaphore instead, without a thread, and SQLite never sees two writers of this process at
/// once. Another process's writes (the <c>import-jobs</c> command) are left to SQLite's own busy handler, which
/// <see cref="SqliteTuning"/> turns on.
/// </para>
/// <para>
/// What holds the gate: a transaction from its start to its end — EF's transactions, SaveChanges' own and
/// <c>Database.BeginTransactionAsync</c>'s, are <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default for
/// <c>BeginTransaction()</c>), so the lock is taken at the start and never upgraded from a read — or a write statement
/// outside a transaction until it has finished, which for <c>INSERT … RETURNING</c> is when its reader is disposed.
/// A statement is a write unless it starts with <c>SELECT</c>; taking the gate for a read only costs it a wait.
/// </para>
/// <para>
/// A transaction disposed without commit or rollback rolls back without telling the interceptors. The gate then
/// follows SQLite itself: it is released when its connection closes (EF closes a connection it opened for the
/// transaction as soon as the transaction is disposed), or at the connection's next command, if SQLite says the
/// connection is no longer in a transaction.
/// </para>
/// <para>
/// The wait is bounded: code that writes on a second connection while its own transaction holds the gate would
/// otherwise wait on itself for ever. Past the bound the write goes ahead without the gate, as every write did before
/// there was one, and SQLite's busy handler decides.
/// </para>
/// </remarks>
public sealed class SqliteWriteGate : IDbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>Far longer than any write of ours holds the lock; short enough that a mistake shows in the log.</summary>
    public static readonly TimeSpan DefaultWaitBound = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _holding = new();
    private readonly TimeSpan _waitBound;
    private readonly ILogger<SqliteWriteGate> _logger;
    private DbConnection? _holder;
    private bool _heldByTransaction;

    public SqliteWriteGate(ILogger<SqliteWriteGate> logger)
        : this(logger, DefaultWaitBound)
    {
    }

    internal SqliteWriteGate(ILogger<SqliteWriteGate> logger, TimeSpan waitBound)
    {
        _logger = logger;
        _waitBound = waitBound;
    }

    /// <summary>Whether a write holds the gate now; for tests of its release.</summary>
    internal bool IsHeld
    {
        get
        {
            lock (_holding)
            {
                return _holder is not null;
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Whether <paramref name="sql"/> may write: anything but a query.</summary>
    internal static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        // EF puts a query's tags (TagWith) before it as line comments.
        while (text.StartsWith("--"))
        {
            var end = text.IndexOf('\n');
            if (end < 0)
            {
                return false;
            }

            text = text[(end + 1)..].TrimStart();
        }

        return !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForCommand(command);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterForCommand(command);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForCommand(command);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        EnterForCommandAsync(command, result, cancellationToken);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        EnterForCommandAsync(command, result, cancellationToken);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        EnterForCommandAsync(command, result, cancellationToken);

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveAfterCommand(command);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveAfterCommand(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveAfterCommand(command);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveAfterCommand(command);
        return ValueTask.FromResult(result);
    }

    // EF raises this after it has closed the reader, so the statement has been reset and its write committed.
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveAfterCommand(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveAfterCommand(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveAfterCommand(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveAfterCommand(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveAfterCommand(command);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (connection is SqliteConnection && !HeldBy(connection) && Wait())
        {
            Hold(connection, transaction: true);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection && !HeldBy(connection) && await WaitAsync(cancellationToken))
        {
            Hold(connection, transaction: true);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    // A commit that failed may leave the transaction open until it is disposed; only SQLite knows.
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveIfTransactionEnded(ConnectionOf(eventData));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveIfTransactionEnded(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    private static DbConnection? ConnectionOf(TransactionEventData eventData) =>
        eventData.Context?.Database.GetDbConnection();

    private static bool InTransaction(SqliteConnection connection) =>
        connection.State == System.Data.ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    private bool NeedsGate(DbCommand command) =>
        command.Connection is SqliteConnection connection && !HeldBy(connection) && IsWrite(command.CommandText);

    private void EnterForCommand(DbCommand command)
    {
        if (NeedsGate(command) && Wait())
        {
            Hold(command.Connection!, transaction: false);
        }
    }

    private ValueTask<T> EnterForCommandAsync<T>(DbCommand command, T result, CancellationToken cancellationToken)
    {
        return NeedsGate(command) ? WaitThenHoldAsync() : ValueTask.FromResult(result);

        async ValueTask<T> WaitThenHoldAsync()
        {
            if (await WaitAsync(cancellationToken))
            {
                Hold(command.Connection!, transaction: false);
            }

            return result;
        }
    }

    private bool Wait() => Waited(_gate.Wait(_waitBound));

    private async ValueTask<bool> WaitAsync(CancellationToken cancellationToken) =>
        Waited(await _gate.WaitAsync(_waitBound, cancellationToken));

    private bool Waited(bool entered)
    {
        if (!entered)
        {
            _logger.LogWarning(
                "A database write waited {Seconds} s for another write of this process to finish and goes ahead without waiting longer; a write on a second connection inside a transaction would do this",
                _waitBound.TotalSeconds);
        }

        return entered;
    }

    private void Hold(DbConnection connection, bool transaction)
    {
        lock (_holding)
        {
            _holder = connection;
            _heldByTransaction = transaction;
        }
    }

    /// <summary>Whether <paramref name="connection"/> holds the gate, so that its commands go straight through.</summary>
    private bool HeldBy(DbConnection connection)
    {
        // Every command asks, reads included: a connection that is not the holder answers without the lock or SQLite.
        if (!ReferenceEquals(Volatile.Read(ref _holder), connection))
        {
            return false;
        }

        LeaveIfTransactionEnded(connection);
        lock (_holding)
        {
            return _holder == connection;
        }
    }

    /// <summary>Gives the gate up for a transaction that SQLite says has ended: disposed without commit or rollback.</summary>
    private void LeaveIfTransactionEnded(DbConnection? connection)
    {
        lock (_holding)
        {
            if (connection is not null && _holder == connection && _heldByTransaction && !InTransaction((SqliteConnection)connection))
            {
                ReleaseHeld();
            }
        }
    }

    private void LeaveAfterCommand(DbCommand command)
    {
        lock (_holding)
        {
            if (command.Connection is { } connection && _holder == connection && !_heldByTransaction)
            {
                ReleaseHeld();
            }
        }
    }

    private void Leave(DbConnection? connection)
    {
        lock (_holding)
        {
            if (connection is not null && _holder == connection)
            {
                ReleaseHeld();
            }
        }
    }

    private void ReleaseHeld()
    {
        _holder = null;
        _heldByTransaction = false;
        _gate.Release();
    }
}
