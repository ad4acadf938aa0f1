using Npgsql;

namespace Pingtang.Benchmarks;

/// <summary>A PostgreSQL database of a benchmark's own on the server it is given, dropped when the benchmark ends.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchmarkDatabase(string server, string connectionString) => (_server, ConnectionString) = (server, connectionString);

    public string ConnectionString { get; }

    private string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>A database on <paramref name="server"/>, or none (SQLite) when no server is given.</summary>
    public static async Task<BenchmarkDatabase?> CreateAsync(string? server)
    {
        if (server is null)
        {
            return null;
        }

        var name = $"pingtang_benchmark_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return new(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>The service's storage settings, as command-line arguments: SQLite in <paramref name="dataFolder"/>, or <paramref name="postgres"/>.</summary>
    public static string[] StorageArguments(BenchmarkDatabase? postgres, string dataFolder) => postgres is null
        ? [$"--Storage:DataFolder={dataFolder}"]
        : [$"--Storage:DataFolder={dataFolder}", "--Storage:Provider=Postgres", $"--ConnectionStrings:Pingtang={postgres.ConnectionString}"];

    public static string ProviderName(string? server) => server is null ? "SQLite" : "PostgreSQL";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
