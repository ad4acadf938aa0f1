using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// A PostgreSQL session-level advisory lock, held on a connection of its own from <see cref="TakeAsync"/> until
/// disposed, for what instances sharing one database must do one at a time (migrating, one conversation's turns).
/// Chosen over a lease row because the server lets go of it when the holder's connection ends: an instance that dies
/// holding it blocks nobody, and there is no expiry to guess.
/// </summary>
public sealed class AdvisoryLock : IAsyncDisposable
{
    /// <summary>PostgreSQL's "lock not available", which <c>lock_timeout</c> raises.</summary>
    private const string LockNotAvailable = "55P03";

    private readonly NpgsqlConnection? _connection;
    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection? connection, long key) => (_connection, _key) = (connection, key);

    /// <summary>Whether the lock was taken; false when <c>wait</c> ran out first.</summary>
    public bool Held => _connection is not null;

    /// <summary>The lock's number for a name: the first 8 bytes of its SHA-256, so names need no registry.</summary>
    public static long KeyOf(string name) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    /// <summary>Waits for the lock <paramref name="key"/>, at most <paramref name="wait"/> (null: as long as it takes).</summary>
    public static async Task<AdvisoryLock> TakeAsync(string connectionString, long key, TimeSpan? wait, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(OwnPool(connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    // The server's own bound: the wait ends there even if this process cannot cancel it. The setting
                    // lives on this connection only, and the pool resets it when the connection is handed out again.
                    new NpgsqlBatchCommand("SELECT set_config('lock_timeout', $1, false)") { Parameters = { new() { Value = $"{(wait is { } w ? Math.Max(1, (long)w.TotalMilliseconds) : 0)}ms" } } },
                    new NpgsqlBatchCommand("SELECT pg_advisory_lock($1)") { Parameters = { new() { Value = key } } },
                },
                Timeout = 0,
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection, key);
        }
        catch (PostgresException e) when (e.SqlState == LockNotAvailable)
        {
            await connection.DisposeAsync();
            return new AdvisoryLock(null, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A pool of the locks' own, smaller than the service's: a turn holds its lock's connection while it waits for one
    /// of the service's, and in one shared pool 200 turns at once could hold every connection as locks and wait
    /// forever for another (as the 200 enrolments at once did). Here at most half the service's pool is locks.
    /// </summary>
    private static string OwnPool(string connectionString)
    {
        var locks = new NpgsqlConnectionStringBuilder(connectionString);
        locks.MaxPoolSize = Math.Max(1, locks.MaxPoolSize / 2);
        locks.ApplicationName = $"{locks.ApplicationName ?? "pingtang"} locks";
        return locks.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } };
            await release.ExecuteNonQueryAsync();
        }
        finally
        {
            // Should the unlock fail, closing is enough: the pool resets the session (DISCARD ALL) before reuse.
            await _connection.DisposeAsync();
        }
    }
}
