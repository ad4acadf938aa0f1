namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// One PostgreSQL database that several test hosts share, as instances behind a load balancer do. Disposing it
/// disposes the hosts it made, then drops the database. Empty, and unused, where no server is available.
/// </summary>
public sealed class OneDatabase : IDisposable
{
    private readonly List<PingtangFactory> _instances = [];

    public string ConnectionString { get; } =
        TestPostgres.Server is null ? "" : TestPostgres.DatabaseOf(Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N")));

    /// <summary><paramref name="settings"/> with the provider and connection string of this database.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? settings = null) =>
        new(settings ?? new Dictionary<string, string?>()) { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Pingtang"] = ConnectionString };

    /// <summary>A host made by <paramref name="create"/> with <paramref name="settings"/> on this database, disposed with it.</summary>
    public PingtangFactory Instance(Func<Dictionary<string, string?>, PingtangFactory> create, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        var instance = create(Settings(settings));
        _instances.Add(instance);
        return instance;
    }

    public void Dispose()
    {
        _instances.ForEach(instance => instance.Dispose());
        if (ConnectionString.Length > 0)
        {
            TestPostgres.DropDatabase(ConnectionString);
        }
    }
}
