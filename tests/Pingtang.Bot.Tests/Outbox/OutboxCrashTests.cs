using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;
using Xunit.Abstractions;

namespace Pingtang.Bot.Tests.Outbox;

/// <summary>
/// The service, as its own process, sending 20,000 queued messages to a loopback channel, killed (SIGKILL) halfway
/// and started again: every message arrives, at most the one batch leased at the kill arrives twice, and sending
/// resumes within seconds of the restart.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class OutboxCrashTests(ITestOutputHelper output)
{
    private const int Messages = 20_000;
    private const int Workers = 200;
    private const int BatchSize = 50;

    [Fact]
    public async Task A_service_killed_halfway_loses_nothing_and_repeats_at_most_one_batch()
    {
        await using var connector = await FakeConnector.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await SeedAsync(folder, connector.ServiceUrl);

            await using (var first = StartService(folder, "first"))
            {
                await UntilAsync(() => Distinct(connector) >= Messages / 2, TimeSpan.FromMinutes(3), first);
                await first.KillAsync();
            }

            var beforeRestart = connector.Bodies.Count;
            var restarted = Stopwatch.StartNew();
            await using var second = StartService(folder, "second");
            await UntilAsync(() => connector.Bodies.Count > beforeRestart, TimeSpan.FromSeconds(30), second);
            var resumedAfter = restarted.Elapsed;
            await UntilAsync(() => Distinct(connector) == Messages, TimeSpan.FromMinutes(3), second);
            await second.KillAsync();

            var duplicates = connector.Bodies.Count - Distinct(connector);
            output.WriteLine($"killed after {beforeRestart} sends; sending resumed {resumedAfter.TotalSeconds:F1} s after the restart; {duplicates} duplicates (bound {BatchSize})");
            Assert.True(resumedAfter < TimeSpan.FromSeconds(10), $"sending resumed {resumedAfter.TotalSeconds:F1} s after the restart");
            Assert.InRange(duplicates, 0, BatchSize);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static int Distinct(FakeConnector connector) => connector.Texts().Distinct().Count();

    /// <summary>Workers who chatted through the loopback channel, and 20,000 practical messages queued for them.</summary>
    private static async Task SeedAsync(string folder, string serviceUrl)
    {
        using var host = new PingtangFactory(dataFolder: folder) { KeepData = true };
        var workers = await LoopbackWorkers.AddAsync(host, serviceUrl, Workers);
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxMessages>();
        for (var i = 0; i < Messages; i++)
        {
            outbox.Queue(new OutboxDraft(workers[i % Workers], "测试", MessagePurpose.Practical, $"crash-{i}", $"消息 {i}"));
        }

        await scope.ServiceProvider.GetRequiredService<PingtangDb>().SaveChangesAsync();
    }

    /// <summary>The service as the README runs it, from the build output, in a process of its own.</summary>
    private static ServiceProcess StartService(string folder, string name) =>
        ServiceProcess.Start(
            name,
            ServiceProcess.Dotnet,
            [
                ServiceProcess.BotAssembly,
                "--urls", "http://127.0.0.1:0",
                $"--Storage:DataFolder={folder}",
                "--Scheduling:Enabled=false",
                "--Outbox:QuietHours=0:00-0:00",
                $"--Outbox:BatchSize={BatchSize}",
                // Short, so the batch leased at the kill is sendable again soon after the restart.
                "--Outbox:LeaseSeconds=5",
            ],
            ServiceProcess.BotProject,
            ServiceProcess.Production,
            Path.Combine(folder, $"{name}.log"));

    private static async Task UntilAsync(Func<bool> done, TimeSpan patience, ServiceProcess service)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            service.ThrowIfExited();
            Assert.True(watch.Elapsed < patience, "the outbox did not get there in time");
            await Task.Delay(50);
        }
    }
}
