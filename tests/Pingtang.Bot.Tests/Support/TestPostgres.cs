using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Hosting.Migrations.Postgres;
using Pingtang.Domain.Migrations.Postgres;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests may use: <c>PINGTANG_TEST_POSTGRES</c> names it (a connection string without a
/// database; <c>./test.sh</c> starts one and sets it). Each test host gets a database of its own, dropped with it.
/// With <c>PINGTANG_TEST_PROVIDER=Postgres</c> every test host runs on it, not only the PostgreSQL tests.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "PINGTANG_TEST_POSTGRES";
    public const string ProviderVariable = "PINGTANG_TEST_PROVIDER";

    private static readonly Lazy<string?> Unavailable = new(FindWhyUnavailable);

    private static readonly Lazy<string> Template = new(MakeTemplate);

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>Whether every test host should run on PostgreSQL.</summary>
    public static bool Everywhere =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can: the reason their skip shows.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <summary>
    /// The database of a test host's data folder, made when it does not exist yet: a second host on the same folder
    /// (a restart) finds the first one's data, as it would in SQLite's file. It is a copy of a database migrated once
    /// per test run (PostgreSQL copies a template in a few milliseconds; migrating takes a second or two), unless
    /// <paramref name="empty"/>. Its connection string.
    /// </summary>
    public static string DatabaseOf(string dataFolder, bool empty = false)
    {
        var name = $"pingtang_test_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataFolder)))[..24]}";
        var template = empty ? "template0" : Template.Value;
        using var connection = new NpgsqlConnection(Server ?? throw new InvalidOperationException(WhyUnavailable));
        connection.Open();
        if (!Exists(connection, name))
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            create.ExecuteNonQuery();
        }

        return ConnectionTo(name);
    }

    /// <summary>Drops a database of <see cref="DatabaseOf"/>, whoever is still connected to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>
    /// Waits until <paramref name="instances"/> hosts on the database listen to the other instances: a host starts
    /// listening a moment after it starts, and a notice sent before that is not heard. A listening connection is idle
    /// after its batch of LISTENs, and waits there.
    /// </summary>
    public static async Task ListeningAsync(string connectionString, int instances)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var listeners = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle' AND application_name LIKE $1 AND query LIKE 'LISTEN %'",
            connection) { Parameters = { new() { Value = $"% {DatabaseNotifications.ApplicationNameEnding}" } } };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((long)(await listeners.ExecuteScalarAsync())! < instances)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>Ends every instance's listening connection to the database, as a network cut or a server restart would.</summary>
    public static async Task CutListeningAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cut = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE $1",
            connection) { Parameters = { new() { Value = $"% {DatabaseNotifications.ApplicationNameEnding}" } } };
        Assert.NotEqual(0L, (long)(await cut.ExecuteScalarAsync())!);
    }

    private static string ConnectionTo(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>
    /// A database with both contexts' migrations applied, for <see cref="DatabaseOf"/> to copy, named after those
    /// migrations: later runs reuse it, and a new migration makes a new one. Made under another name and renamed when
    /// done, so a run stopped halfway leaves no half-migrated template.
    /// </summary>
    private static string MakeTemplate()
    {
        using var domain = new PostgresPingtangDb(new DbContextOptionsBuilder<PostgresPingtangDb>().UseNpgsql(Server).Options);
        using var bot = new PostgresBotDb(new DbContextOptionsBuilder<PostgresBotDb>().UseNpgsql(Server, o => o.MigrationsHistoryTable(BotDb.MigrationsHistoryTable)).Options);
        var migrations = string.Join(' ', domain.Database.GetMigrations().Concat(bot.Database.GetMigrations()));
        var name = $"pingtang_template_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(migrations)))[..24]}";
        using var server = new NpgsqlConnection(Server);
        server.Open();
        if (Exists(server, name))
        {
            return name;
        }

        var making = $"{name}_{Guid.NewGuid():N}"[..63];
        Execute(server, $"CREATE DATABASE \"{making}\"");
        var database = ConnectionTo(making);
        domain.Database.SetConnectionString(database);
        domain.Database.Migrate();
        bot.Database.SetConnectionString(database);
        bot.Database.Migrate();

        // A template is copied only while nobody is connected to it.
        using (var pooled = new NpgsqlConnection(database))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        Execute(server, $"ALTER DATABASE \"{making}\" RENAME TO \"{name}\"");
        return name;
    }

    private static bool Exists(NpgsqlConnection server, string database)
    {
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", server) { Parameters = { new() { Value = database } } };
        return exists.ExecuteScalar() is not null;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string? FindWhyUnavailable()
    {
        if (Server is null)
        {
            return $"PostgreSQL tests skipped: no server ({ServerVariable} is not set; ./test.sh starts one).";
        }

        try
        {
            using var connection = new NpgsqlConnection(Server);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return $"PostgreSQL tests skipped: the server in {ServerVariable} does not answer ({e.Message}).";
        }
    }
}

/// <summary>A test that needs PostgreSQL: skipped, with the reason shown, where none answers.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.WhyUnavailable;
}

/// <summary>A theory that needs PostgreSQL: skipped, with the reason shown, where none answers.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestPostgres.WhyUnavailable;
}
