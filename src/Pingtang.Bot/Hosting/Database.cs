using Npgsql;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Which database the service keeps its data in: SQLite in the data folder (the embedded default), or PostgreSQL
/// (<c>Storage:Provider=Postgres</c> with <c>ConnectionStrings:Pingtang</c>), which several instances can share.
/// Both contexts and Hangfire use the one database.
/// </summary>
public sealed record Database(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderSetting = "Storage:Provider";
    public const string ConnectionStringName = "Pingtang";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static Database From(IConfiguration configuration, DataFolder dataFolder)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        var provider = configuration[ProviderSetting] switch
        {
            null or "" => DatabaseProvider.Sqlite,
            var name when Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var known) && Enum.IsDefined(known) => known,
            _ => throw new InvalidOperationException($"{ProviderSetting} must be Sqlite or Postgres."),
        };
        return provider switch
        {
            DatabaseProvider.Postgres when string.IsNullOrWhiteSpace(connectionString) =>
                throw new InvalidOperationException($"{ProviderSetting}=Postgres needs ConnectionStrings:{ConnectionStringName}."),
            DatabaseProvider.Postgres => new Database(provider, WithoutJit(connectionString!)),
            _ => new Database(provider, connectionString ?? $"Data Source={dataFolder.File("pingtang.db")}"),
        };
    }

    /// <summary>
    /// The service's statements are short, and PostgreSQL compiles (JIT) any plan it estimates costly: 100 ms of a 2 ms
    /// search now and then (the search benchmark's p99), 400 ms of an outbox lease. Off for the service's connections,
    /// unless the connection string's <c>Options</c> say something about <c>jit</c> themselves.
    /// </summary>
    private static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = $"{builder.Options} -c jit=off".TrimStart();
        }

        return builder.ConnectionString;
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
