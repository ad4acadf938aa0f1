using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Lets SQLite read the database file through memory mapping on every connection. Without it each page a search
/// touches beyond the small per-connection cache is a read() call: the job search's full-text queries at 50,000
/// postings spent more time in the kernel than in SQLite (tests/Pingtang.Benchmarks).
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

        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size = {MemoryMapBytes};";
        command.ExecuteNonQuery();
    }
}
