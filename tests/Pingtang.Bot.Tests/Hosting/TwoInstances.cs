using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>
/// Two service processes as the README runs them (<c>Storage:Provider=Postgres</c>, one connection string, nothing
/// else shared: each has a data folder of its own, and no Direct Line secret is set), on two ports, on one PostgreSQL
/// database of the test's own; and <see cref="Office"/>, an in-process host on the same database that sends nothing,
/// for putting in what the test needs and reading what the instances did. Disposing kills both and drops the database.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    /// <summary>Also the bound on what a killed instance can have sent without marking it sent.</summary>
    public const int BatchSize = 50;

    private readonly string _folder;

    private TwoInstances(string folder, string connectionString, PingtangFactory office)
    {
        _folder = folder;
        ConnectionString = connectionString;
        Office = office;
    }

    public string ConnectionString { get; }

    public PingtangFactory Office { get; }

    public ServiceProcess A { get; private set; } = null!;

    public ServiceProcess B { get; private set; } = null!;

    /// <summary>A for even numbers, B for odd: a load balancer without sticky sessions, as a test spreads it.</summary>
    public ServiceProcess this[int turn] => turn % 2 == 0 ? A : B;

    /// <summary>
    /// A new database, migrated by both instances starting at once (<paramref name="migrated"/> false) or a copy of a
    /// migrated one; <paramref name="seed"/> run through <see cref="Office"/> before the instances start (on a migrated
    /// one only), when the test needs its data there from their first moment (a queue to send).
    /// </summary>
    public static async Task<TwoInstances> StartAsync(bool migrated = true, Func<PingtangFactory, Task>? seed = null)
    {
        if (seed is not null && !migrated)
        {
            throw new ArgumentException("Only a migrated database can be seeded before the instances start.", nameof(seed));
        }

        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = TestPostgres.DatabaseOf(folder, empty: !migrated);
        var instances = new TwoInstances(folder, connectionString, NewOffice(folder, connectionString));
        try
        {
            if (seed is not null)
            {
                await seed(instances.Office);
            }

            var (a, b) = (instances.Start("a"), instances.Start("b"));
            (instances.A, instances.B) = (a, b);
            await Task.WhenAll(a.WaitUntilListeningAsync(CancellationToken.None), b.WaitUntilListeningAsync(CancellationToken.None));
            // The office starts after the instances, so that on an empty database they are the ones that migrate.
            _ = instances.Office.Services;
            return instances;
        }
        catch
        {
            await instances.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until both instances, and the office, listen for each other's notices.</summary>
    public Task ListeningAsync() => TestPostgres.ListeningAsync(ConnectionString, instances: 3);

    public async Task<T> InOfficeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Office.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Throws with the end of its log when either instance has exited by itself.</summary>
    public void ThrowIfEitherExited()
    {
        A.ThrowIfExited();
        B.ThrowIfExited();
    }

    /// <summary>Waits until <paramref name="done"/>, failing at once when an instance falls over.</summary>
    public Task UntilAsync(Func<bool> done, TimeSpan patience, string what, bool bothRunning = true) =>
        UntilAsync(() => Task.FromResult(done()), patience, what, bothRunning);

    public async Task UntilAsync(Func<Task<bool>> done, TimeSpan patience, string what, bool bothRunning = true)
    {
        using var deadline = new CancellationTokenSource(patience);
        while (!await done())
        {
            if (bothRunning)
            {
                ThrowIfEitherExited();
            }

            Assert.False(deadline.IsCancellationRequested, $"Not within {patience.TotalSeconds} s: {what}");
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static PingtangFactory NewOffice(string folder, string connectionString) =>
        new(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Pingtang"] = connectionString }, dataFolder: Path.Combine(folder, "office"));

    private ServiceProcess Start(string name) =>
        ServiceProcess.Start(
            name,
            ServiceProcess.Dotnet,
            [
                ServiceProcess.BotAssembly,
                "--urls", "http://127.0.0.1:0",
                "--Storage:Provider=Postgres",
                $"--ConnectionStrings:Pingtang={ConnectionString}",
                $"--Storage:DataFolder={Path.Combine(_folder, name)}",
                "--Outbox:QuietHours=0:00-0:00",
                $"--Outbox:BatchSize={BatchSize}",
                // Short, so the batch a killed instance leased is sent by the other soon after.
                "--Outbox:LeaseSeconds=5",
            ],
            ServiceProcess.BotProject,
            ServiceProcess.Production,
            Path.Combine(_folder, $"{name}.log"));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in new[] { A, B }.Where(i => i is not null))
        {
            await instance.DisposeAsync();
        }

        Office.Dispose();
        TestPostgres.DropDatabase(ConnectionString);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
