using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Sets up every connection to the database file. Memory mapping: without it each page a search touches beyond the
/// small per-connection cache is a read() call, and the job search's full-text queries at 50,000 postings spent more
/// time in the kernel than in SQLite (tests/Pingtang.Benchmarks). SQLite's own busy handler, for writes of another
/// process (this process's own writers queue at <see cref="SqliteWriteGate"/>): it retries in steps of 1 to 100 ms
/// for as long as the command may take, where Microsoft.Data.Sqlite alone would sleep 150 ms at every try.
/// </summary>
/// <remarks>
/// Commits: <c>synchronous = NORMAL</c> unless <c>Storage:SqliteSynchronous</c> says <c>FULL</c>. With the write-ahead
/// log, FULL waits for the disk at every commit (1.9 ms on the benchmark's machine, where the write itself takes
/// 0.02 ms), and since writers take turns at the gate that wait capped the whole service near 500 commits a second.
/// NORMAL syncs at checkpoints: a killed process loses nothing and the file never corrupts, but a power cut or an
/// operating-system crash may undo the last commits before it (SQLite's documentation: "WAL mode is safe from
/// corruption with synchronous=NORMAL"). A county that wants every commit on the disk sets FULL and gets fewer turns
/// a second.
/// </remarks>
public sealed class SqliteTuning(string synchronous) : DbConnectionInterceptor
{
    /// <summary>Address space, not memory: pages are shared with the operating system's file cache.</summary>
    public const long MemoryMapBytes = 256L * 1024 * 1024;

    public const string SynchronousSetting = "Storage:SqliteSynchronous";

    private static readonly string[] SynchronousModes = ["NORMAL", "FULL"];

    public static SqliteTuning FromConfiguration(IConfiguration configuration) => SettingsReader.Read(configuration, Read);

    /// <summary>The configured mode; a wrong one is noted on <paramref name="settings"/>.</summary>
    internal static SqliteTuning Read(SettingsReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SqliteTuning(settings.Choice(SynchronousSetting, SynchronousModes));
    }

    // The settings live on SQLite's own connection, which Microsoft.Data.Sqlite's pool hands out again at every open:
    // set once per handle, not on every open (EF opens a connection per command, and the outbox opens one per message).
    private readonly ConditionalWeakTable<sqlite3, object> _tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => TuneOnce(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TuneOnce(connection);
        return Task.CompletedTask;
    }

    private void TuneOnce(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !_tuned.TryGetValue(handle, out _))
        {
            Tune(connection, synchronous);
            _tuned.AddOrUpdate(handle, handle);
        }
    }

    /// <summary>The service's settings on <paramref name="connection"/>, with the default commit mode unless told.</summary>
    public static void Tune(DbConnection connection, string? synchronous = null)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        synchronous ??= SynchronousModes[0];

        // A command timeout of 0 is no limit to Microsoft.Data.Sqlite, where a busy_timeout of 0 would be no waiting.
        var busyMilliseconds = sqlite.DefaultTimeout == 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, sqlite.DefaultTimeout * 1000L);
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size = {MemoryMapBytes}; PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA synchronous = {synchronous};";
        command.ExecuteNonQuery();
    }
}
