using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>The service on PostgreSQL (<c>Storage:Provider=Postgres</c>): its own migrations, its own times, and instances that start together.</summary>
public sealed class PostgresStorageTests
{
    [PostgresFact]
    public async Task Instances_starting_together_migrate_the_database_once_and_all_serve()
    {
        var database = TestPostgres.DatabaseOf(Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N")), empty: true);
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Pingtang"] = database };
        var instances = Enumerable.Range(0, 3).Select(_ => new PingtangFactory(settings)).ToList();
        try
        {
            // Each host starts (and migrates) when its first client is made.
            var clients = await Task.WhenAll(instances.Select(instance => Task.Run(instance.CreateClient)));
            foreach (var client in clients)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
            }

            await using var scope = instances[0].Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
            Assert.True(await db.Townships.AnyAsync());
        }
        finally
        {
            instances.ForEach(instance => instance.Dispose());
            TestPostgres.DropDatabase(database);
        }
    }

    [PostgresFact]
    public async Task Times_are_stored_as_postgres_timestamps_whatever_offset_the_clock_gives()
    {
        using var factory = new PingtangFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" }, new ChinaOffsetClock());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().RegisterAsync(CancellationToken.None);
        }

        await using var connection = new NpgsqlConnection(factory.PostgresDatabase);
        await connection.OpenAsync();
        await using var column = new NpgsqlCommand(
            """SELECT data_type FROM information_schema.columns WHERE table_name = 'Workers' AND column_name = 'RegisteredAt'""", connection);
        Assert.Equal("timestamp with time zone", await column.ExecuteScalarAsync());
        await using var stored = new NpgsqlCommand("""SELECT "RegisteredAt" FROM "Workers" """, connection);
        Assert.Equal(new DateTime(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc), await stored.ExecuteScalarAsync());
    }

    [PostgresTheory]
    [InlineData("", "off")]
    [InlineData(";Options=-c jit=on", "on")]
    [InlineData(";Options=-c work_mem=8MB", "off")]
    public async Task The_service_s_connections_run_without_jit_unless_its_connection_string_asks_for_it(string options, string jit)
    {
        using var database = new OneDatabase();
        var factory = database.Instance(settings => new PingtangFactory(new Dictionary<string, string?>(settings) { ["ConnectionStrings:Pingtang"] = database.ConnectionString + options }));
        await using var scope = factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<PingtangDb>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var show = connection.CreateCommand();
        show.CommandText = "SHOW jit";

        Assert.Equal(jit, await show.ExecuteScalarAsync());
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_the_setting_to_give()
    {
        using var factory = new PingtangFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Pingtang"] = "" });

        var refused = Assert.ThrowsAny<Exception>(factory.CreateClient);

        Assert.Contains("ConnectionStrings:Pingtang", refused.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The tests' moment, handed out in China's offset.</summary>
    private sealed class ChinaOffsetClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TestClock.Now.ToOffset(TimeSpan.FromHours(8));
    }
}
