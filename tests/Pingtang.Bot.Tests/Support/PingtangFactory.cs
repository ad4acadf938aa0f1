using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// The real host on a fresh data folder of its own (SQLite file included), with optional settings and clock, and
/// scheduled jobs off unless the settings turn them on.
/// Disposing it deletes the folder unless <see cref="KeepData"/> is set, so a second factory can reopen it.
/// <c>Storage:Provider=Postgres</c> in the settings puts it on a new PostgreSQL database (<see cref="TestPostgres"/>).
/// </summary>
public sealed class PingtangFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public PingtangFactory(
        IDictionary<string, string?>? settings = null,
        TimeProvider? clock = null,
        string? dataFolder = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Storage:DataFolder"] = DataFolder };

        // No Hangfire server or storage unless a test asks for it: other features' tests need no background jobs.
        _settings.TryAdd("Scheduling:Enabled", "false");

        // The outbox is sent when a test says so (OutboxRun), so what a worker was told is known when the test looks.
        _settings.TryAdd("Outbox:Enabled", "false");
        if (TestPostgres.Everywhere)
        {
            _settings.TryAdd("Storage:Provider", "Postgres");
        }

        // A PostgreSQL host without a database of its own gets its data folder's, dropped with the folder.
        if (string.Equals(_settings.GetValueOrDefault("Storage:Provider"), "Postgres", StringComparison.OrdinalIgnoreCase)
            && !_settings.ContainsKey("ConnectionStrings:Pingtang"))
        {
            PostgresDatabase = TestPostgres.DatabaseOf(DataFolder);
            _settings["ConnectionStrings:Pingtang"] = PostgresDatabase;
        }

        Clock = clock;
    }

    public string DataFolder { get; }

    /// <summary>The connection string of the PostgreSQL database made for this host, or null on SQLite.</summary>
    public string? PostgresDatabase { get; }

    public TimeProvider? Clock { get; }

    public bool KeepData { get; set; }

    /// <summary>
    /// Where requests through the test server come from. TestServer leaves the client address empty; a real socket
    /// from the test process would be loopback, so that is the default. Set another to knock from outside.
    /// </summary>
    public IPAddress ClientAddress { get; set; } = IPAddress.Loopback;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        // First of all, as a socket's address is: the service's own outermost filters (probes, /metrics) read it.
        builder.ConfigureServices(services => services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new ClientAddressFilter(this))));
        if (Clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    private sealed class ClientAddressFilter(PingtangFactory factory) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress ??= factory.ClientAddress;
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepData && Directory.Exists(DataFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataFolder, recursive: true);
        }

        if (disposing && !KeepData && PostgresDatabase is not null)
        {
            TestPostgres.DropDatabase(PostgresDatabase);
        }
    }
}
