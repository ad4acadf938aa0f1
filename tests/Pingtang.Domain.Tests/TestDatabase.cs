using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Pingtang.Domain.Tests;

/// <summary>
/// The real schema — migrations, seeded reference data, full-text triggers — in an in-memory SQLite database that
/// lives as long as the test, with a clock the test moves.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private TestDatabase(SqliteConnection connection, FakeTimeProvider clock)
    {
        _connection = connection;
        Clock = clock;
    }

    /// <summary>2026-11-29 10:00 in China.</summary>
    public static DateTimeOffset DefaultNow { get; } = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var database = new TestDatabase(connection, new FakeTimeProvider(DefaultNow));
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A new unit of work on the database, as each request or job gets one.</summary>
    public PingtangDb Open() => new(new DbContextOptionsBuilder<PingtangDb>().UseSqlite(_connection).Options);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
