using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Sets up every connection to the database file. Memory mapping: without it each page a search touches beyond the
/// small per-connection cache is a read() call, and the job search's full-text queries at 50,000 postings spent more
/// time in the kernel than in SQLite (tests/Pingtang.Benchmarks). SQLite's own busy handler, for writes of another
/// process (this process's own writers queue at <see cref="SqliteWriteGate"/>): it retries in steps of 1 to 100 ms
/// for as long as the command may take, where Microsoft.Data.Sqlite alone would sleep 150 ms at every try.
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    /// <summary>Address space, not memory: pages are shared with the operating system's file cache.</summary>
    public const long MemoryMapBytes = 256L * 1024 * 1024;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    public static void Tune(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        // A command timeout of 0 is no limit to Microsoft.Data.Sqlite, where a busy_timeout of 0 would be no waiting.
        var busyMilliseconds = sqlite.DefaultTimeout == 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, sqlite.DefaultTimeout * 1000L);
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size = {MemoryMapBytes}; PRAGMA busy_timeout = {busyMilliseconds};";
        command.ExecuteNonQuery();
    }
}
