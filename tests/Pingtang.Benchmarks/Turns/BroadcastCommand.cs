using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Stations;

namespace Pingtang.Benchmarks.Turns;

/// <summary>
/// <c>broadcast [--workers 100000] [--keep] [--postgres "Host=…;Username=…"]</c>: issue 6/7's campaign to every worker,
/// on SQLite or on a database of its own made on that server and dropped after. On a database seeded with the
/// workers and their Emulator addresses (<see cref="OutboxLoad"/>, nothing queued), this process counts the audience
/// and runs the campaign's fan-out batch after batch — the domain's code that the service's job runs — then the
/// service, in a process of its own with pacing off and quiet hours off, delivers it to the fake connector. The bare
/// send loop of the outbox benchmark sends as many messages to the same connector in the same run, for the ratio.
/// </summary>
internal static class BroadcastCommand
{
    public const string Name = "broadcast";

    /// <summary>The whole campaign, queueing and delivery, must take less than this on the benchmark machine.</summary>
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var workers = Options.Int(args, "--workers", 100_000);
        var server = Options.Text(args, "--postgres");
        var load = new OutboxLoad(workers, workers);
        Console.WriteLine($"broadcast: one campaign to {workers:N0} workers on {BenchmarkDatabase.ProviderName(server)}");
        return await BenchmarkRun.InTemporaryFolderAsync(Name, Options.Flag(args, "--keep"), async (folder, cancellationToken) =>
        {
            Directory.CreateDirectory(folder);
            await using var connector = await FakeConnector.StartAsync(cancellationToken);
            await using var postgres = await BenchmarkDatabase.CreateAsync(server);
            var storage = BenchmarkDatabase.StorageArguments(postgres, Path.Combine(folder, "data"));
            await load.SeedAsync(storage, connector.ServiceUrl, cancellationToken, queueMessages: false);
            var queueing = await QueueAsync(storage, cancellationToken);
            var bare = await OutboxCommand.MeasureBareLoopAsync(folder, load, connector, cancellationToken);
            Console.WriteLine(TurnsReport.Line(bare));
            var delivery = await OutboxCommand.MeasureOutboxAsync(folder, storage, load, connector, profiling: false, cancellationToken);
            Console.WriteLine(TurnsReport.Line(delivery));
            Print(queueing, delivery, bare);
        });
    }

    private sealed record Queueing(AudienceSize Size, TimeSpan Counting, TimeSpan FanOut, int Queued, long PeakManagedBytes);

    /// <summary>Counts the audience and fans the campaign out, timed, in this process.</summary>
    private static async Task<Queueing> QueueAsync(string[] storage, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(storage);
        builder.Logging.ClearProviders();
        builder.AddPingtangData();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var campaigns = new Campaigns(db, new OutboxMessages(db, TimeProvider.System), TimeProvider.System);
        var campaign = await campaigns.DraftAsync(
            new CampaignContent("返岗专车报名", OutboxLoad.Text(0), [], Audience.Everyone, DateTimeOffset.UtcNow), Station.CountyCentreId, null, cancellationToken);
        campaign.Schedule(approvedBy: null, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(cancellationToken);

        // From a collected heap: the peak is the fan-out's, not what this process's seeding of the workers left behind.
        GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var size = await campaigns.SizeAsync(campaign.Audience, cancellationToken);
        var counting = watch.Elapsed;
        watch.Restart();
        await campaigns.TakeDueAsync(cancellationToken);
        var queued = 0;
        var peak = 0L;
        FanOutBatch batch;
        do
        {
            batch = await campaigns.FanOutAsync(campaign.Id, cancellationToken);
            queued += batch.Queued;
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        }
        while (!batch.Finished);

        var fanOut = watch.Elapsed;
        Console.WriteLine($"Audience {size.Total:N0} ({size.Consenting:N0} consenting, {size.Reachable:N0} reachable) counted in {counting.TotalSeconds:F1} s; {queued:N0} queued in {fanOut.TotalSeconds:F1} s.");
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        return new(size, counting, fanOut, queued, peak);
    }

    private static void Print(Queueing queueing, SendResult delivery, SendResult bare)
    {
        var total = queueing.Counting + queueing.FanOut + delivery.Elapsed;
        Console.WriteLine();
        Console.WriteLine("| workers | audience count s | fan-out s | queued/s | fan-out peak managed MB | delivery messages/s | delivery s | service peak MB | × bare loop msg/s | duplicates | whole campaign s | under 60 s |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "| {0:N0} | {1:F1} | {2:F1} | {3:N0} | {4:N0} | {5:N0} | {6:F1} | {7:N0} | {8:F2} | {9} | {10:F1} | {11} |",
            queueing.Size.Total,
            queueing.Counting.TotalSeconds,
            queueing.FanOut.TotalSeconds,
            queueing.Queued / queueing.FanOut.TotalSeconds,
            queueing.PeakManagedBytes / 1024.0 / 1024.0,
            delivery.MessagesPerSecond,
            delivery.Elapsed.TotalSeconds,
            delivery.PeakWorkingSet / 1024.0 / 1024.0,
            delivery.MessagesPerSecond / bare.MessagesPerSecond,
            delivery.Duplicates,
            total.TotalSeconds,
            total < Floor ? "yes" : "no"));
    }
}
