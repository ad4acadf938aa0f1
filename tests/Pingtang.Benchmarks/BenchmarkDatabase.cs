using Npgsql;

namespace Pingtang.Benchmarks;

/// <summary>A PostgreSQL database of a benchmark's own on the server it is given, dropped when the benchmark ends.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchmarkDatabase(string server, string connectionString) => (_server, ConnectionString) = (server, connectionString);

    public string ConnectionString { get; }

    private string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    public static async Task<BenchmarkDatabase> CreateAsync(string server)
    {
        var name = $"pingtang_benchmark_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return new(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

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
