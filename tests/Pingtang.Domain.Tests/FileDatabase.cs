using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Tests;

/// <summary>
/// The real schema in a SQLite file in WAL mode, as the service keeps it, for tests of writers that race: each unit
/// of work opens a pooled connection of its own, as each request or job of the service does.
/// </summary>
public sealed class FileDatabase : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pingtang-{Guid.NewGuid():N}.db");

    private FileDatabase()
    {
    }

    public static async Task<FileDatabase> CreateAsync()
    {
        var database = new FileDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    public PingtangDb Open() => new(new DbContextOptionsBuilder<PingtangDb>().UseSqlite($"Data Source={_file}").Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
