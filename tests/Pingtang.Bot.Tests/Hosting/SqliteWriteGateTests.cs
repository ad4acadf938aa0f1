using System.Data.Common;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
using Pingtang.Domain.Workers;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task Writes_of_both_contexts_at_once_reach_SQLite_one_at_a_time()
    {
        using var probe = new WriteLockProbe();
        using var factory = new PingtangFactory(services: s => s.AddSingleton<IInterceptor>(probe));
        var storage = factory.Services.GetRequiredService<IStorage>();

        var writes = Enumerable.Range(0, 48).Select(i => Task.Run(async () =>
        {
            switch (i % 3)
            {
                case 0:
                    await storage.WriteAsync(new Dictionary<string, object> { [$"k{i}"] = new Dictionary<string, object> { ["n"] = i } });
                    break;
                case 1:
                    await using (var scope = factory.Services.CreateAsyncScope())
                    {
                        await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().RegisterAsync(default);
                    }

                    break;
                default:
                    await using (var scope = factory.Services.CreateAsyncScope())
                    {
                        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
                        await using var transaction = await db.Database.BeginTransactionAsync();
                        db.Workers.Add(Worker.Register(DateTimeOffset.UtcNow));
                        db.Workers.Add(Worker.Register(DateTimeOffset.UtcNow));
                        await db.SaveChangesAsync();
                        await transaction.CommitAsync();
                    }

                    break;
            }
        }));
        await Task.WhenAll(writes);

        Assert.True(probe.Writes >= 48, $"{probe.Writes} writes seen");
        Assert.Equal(0, probe.Collisions);
        await using var check = factory.Services.CreateAsyncScope();
        Assert.Equal(16 + (16 * 2), await check.ServiceProvider.GetRequiredService<PingtangDb>().Workers.CountAsync());
    }

    [Fact]
    public async Task Transaction_disposed_without_commit_gives_the_gate_back_and_keeps_nothing()
    {
        using var factory = new PingtangFactory();
        var gate = factory.Services.GetRequiredService<SqliteWriteGate>();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
            await using (await db.Database.BeginTransactionAsync())
            {
                db.Workers.Add(Worker.Register(DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
                Assert.True(gate.IsHeld);
            }

            Assert.False(gate.IsHeld);
        }

        await using var next = factory.Services.CreateAsyncScope();
        await next.ServiceProvider.GetRequiredService<WorkerRegistry>().RegisterAsync(default);
        Assert.Equal(1, await next.ServiceProvider.GetRequiredService<PingtangDb>().Workers.CountAsync());
    }

    [Fact]
    public async Task Transaction_disposed_on_a_connection_kept_open_gives_the_gate_back_at_its_next_command()
    {
        using var factory = new PingtangFactory();
        var gate = factory.Services.GetRequiredService<SqliteWriteGate>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        await db.Database.OpenConnectionAsync();

        await using (await db.Database.BeginTransactionAsync())
        {
            db.Workers.Add(Worker.Register(DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        db.ChangeTracker.Clear();
        Assert.Equal(0, await db.Workers.CountAsync());
        Assert.False(gate.IsHeld);
    }

    [Fact]
    public async Task A_write_on_a_second_connection_inside_a_transaction_fails_after_the_bounds_instead_of_waiting_for_ever()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var log = new LogRecorder();
        using var factory = new PingtangFactory(
            new Dictionary<string, string?> { ["ConnectionStrings:Pingtang"] = $"Data Source={Path.Combine(folder, "pingtang.db")};Default Timeout=1" },
            dataFolder: folder,
            services: s => s
                .AddSingleton<ILoggerProvider>(log)
                .AddSingleton(sp => new SqliteWriteGate(sp.GetRequiredService<ILogger<SqliteWriteGate>>(), TimeSpan.FromMilliseconds(200))));
        var storage = factory.Services.GetRequiredService<IStorage>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Workers.Add(Worker.Register(DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        var error = await Assert.ThrowsAsync<SqliteException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["inside"] = new Dictionary<string, object> { ["n"] = 1 } }));
        await transaction.CommitAsync();

        Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, error.SqliteErrorCode);
        Assert.Contains(log.AtLeast(LogLevel.Warning), e => e.Category == typeof(SqliteWriteGate).FullName);
        Assert.Equal(1, await db.Workers.CountAsync());
    }

    [Theory]
    [InlineData("SELECT \"w\".\"Id\" FROM \"Workers\" AS \"w\"", false)]
    [InlineData("-- 岗位查询\n-- page\nselect 1", false)]
    [InlineData("INSERT INTO \"Workers\" (\"RegisteredAt\") VALUES (@p0) RETURNING \"Id\";", true)]
    [InlineData("  UPDATE \"BotState\" SET \"Json\" = @p", true)]
    [InlineData("DELETE FROM \"BotState\"", true)]
    [InlineData("PRAGMA journal_mode=WAL;", true)]
    [InlineData("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", true)]
    public void Only_queries_go_past_the_gate(string sql, bool isWrite) =>
        Assert.Equal(isWrite, SqliteWriteGate.IsWrite(sql));

    /// <summary>
    /// Just before each write of ours reaches SQLite (it runs after the gate), asks SQLite itself whether another
    /// connection holds the write lock, from a connection of its own that does not wait.
    /// </summary>
    private sealed class WriteLockProbe : DbCommandInterceptor, IDbTransactionInterceptor, IDisposable
    {
        private readonly Lock _probing = new();
        private SqliteConnection? _connection;

        public int Writes { get; private set; }

        public int Collisions { get; private set; }

        public void Dispose() => _connection?.Dispose();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ProbeCommand(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ProbeCommand(command);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Probe(connection);
            return ValueTask.FromResult(result);
        }

        private void ProbeCommand(DbCommand command)
        {
            // Inside a transaction the lock is the transaction's own.
            if (command.Transaction is null && SqliteWriteGate.IsWrite(command.CommandText))
            {
                Probe(command.Connection!);
            }
        }

        private void Probe(DbConnection connection)
        {
            lock (_probing)
            {
                if (_connection is null)
                {
                    _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ToString());
                    _connection.Open();
                }

                Writes++;
                if (SQLitePCL.raw.sqlite3_exec(_connection.Handle, "BEGIN IMMEDIATE;") == SQLitePCL.raw.SQLITE_BUSY)
                {
                    Collisions++;
                    return;
                }

                SQLitePCL.raw.sqlite3_exec(_connection.Handle, "ROLLBACK;");
            }
        }
    }
}
