using System.Diagnostics;

namespace Pingtang.Benchmarks.Turns;

/// <summary>What one sender did with the outbox benchmark's messages.</summary>
internal sealed record SendResult(
    string Sender, OutboxLoad Load, TimeSpan Elapsed, long PeakWorkingSet, TimeSpan ServerCpu, TimeSpan GeneratorCpu, long Duplicates, long Replies, ProfileDelta? Profile)
{
    public double MessagesPerSecond => Load.Messages / Elapsed.TotalSeconds;
}

/// <summary>The outbox and its baseline, measured in the same run.</summary>
internal sealed record OutboxResults(SendResult Outbox, SendResult BareLoop);

/// <summary>
/// <c>outbox [--messages 100000] [--workers 10000] [--profile] [--keep] [--postgres "Host=…;Username=…"]</c>: issue 9's
/// outbox row, on SQLite or on a database of its own made on that server and dropped after. The service, in a
/// process of its own as <c>turns</c> runs it, starts on a database seeded beforehand with the messages queued
/// (<see cref="OutboxLoad"/>) and sends them to the fake connector; a bare loop in another process
/// (<see cref="BareLoop"/>) sends the same messages to the same connector. Each is timed from the first message's
/// arrival to the last's. <c>turns</c> runs this after its own phases, so its table has the outbox's rows too.
/// </summary>
internal static class OutboxCommand
{
    public const string Name = "outbox";

    /// <summary>No message arriving for this long is a failure: longer than a failed send's first back-off (1 minute).</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(string[] args)
    {
        var load = OutboxLoad.From(args);
        var profiling = Options.Flag(args, "--profile");
        var server = Options.Text(args, "--postgres");
        Console.WriteLine($"outbox: {load} on {BenchmarkDatabase.ProviderName(server)}{(profiling ? "; profiling the service" : "")}");
        return await BenchmarkRun.InTemporaryFolderAsync(Name, Options.Flag(args, "--keep"), async (folder, cancellationToken) =>
            TurnsReport.PrintOutbox(await MeasureAsync(folder, load, profiling, server, cancellationToken)));
    }

    /// <summary>Seeds the service's database, then runs the bare loop and the service, one after the other.</summary>
    public static async Task<OutboxResults> MeasureAsync(string folder, OutboxLoad load, bool profiling, string? server, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using var connector = await FakeConnector.StartAsync(cancellationToken);
        await using var postgres = await BenchmarkDatabase.CreateAsync(server);
        var storage = BenchmarkDatabase.StorageArguments(postgres, Path.Combine(folder, "data"));
        await load.SeedAsync(storage, connector.ServiceUrl, cancellationToken);
        var bare = await MeasureBareLoopAsync(folder, load, connector, cancellationToken);
        Console.WriteLine(TurnsReport.Line(bare));
        var outbox = await MeasureOutboxAsync(folder, storage, load, connector, profiling, cancellationToken);
        Console.WriteLine(TurnsReport.Line(outbox));
        return new(outbox, bare);
    }

    internal static async Task<SendResult> MeasureBareLoopAsync(string folder, OutboxLoad load, FakeConnector connector, CancellationToken cancellationToken)
    {
        // A web project runs with the server GC, as the service does; this console project's runtime settings do not say so.
        await using var loop = await ServiceProcess.StartAsync(
            "bare loop", ServiceProcess.Dotnet, [typeof(BareLoop).Assembly.Location, BareLoop.Mode, "--urls", "http://127.0.0.1:0"],
            folder, new Dictionary<string, string>(ServiceProcess.Production) { ["DOTNET_gcServer"] = "1" }, Path.Combine(folder, "bare-loop.log"), cancellationToken);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var arrivals = connector.ExpectMessages(load.Messages);
        return await MeasureAsync(TurnsReport.BareLoopName, load, loop, arrivals, null, async () =>
        {
            using var sent = await http.PostAsync(BareLoop.SendUrl(loop.BaseUrl, load, connector.ServiceUrl), content: null, cancellationToken);
            sent.EnsureSuccessStatusCode();
        }, cancellationToken);
    }

    internal static async Task<SendResult> MeasureOutboxAsync(
        string folder, string[] storage, OutboxLoad load, FakeConnector connector, bool profiling, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(ServiceProcess.Production);
        var profile = profiling ? ServerProfile.Attach(environment, Path.Combine(folder, "outbox-profile.json")) : null;
        var arrivals = connector.ExpectMessages(load.Messages);
        // Its sender starts with it, before it listens: measured from the start, and never told to begin.
        await using var service = ServiceProcess.Start(
            "Pingtang.Bot", ServiceProcess.Dotnet,
            [ServiceProcess.BotAssembly, "--urls", "http://127.0.0.1:0", .. storage, "--Scheduling:Enabled=false", "--Outbox:QuietHours=0:00-0:00"],
            ServiceProcess.BotProject, environment, Path.Combine(folder, "outbox-service.log"));
        Console.WriteLine($"Service started (pid {service.Id}), sending to the fake connector at {connector.ServiceUrl}");
        return await MeasureAsync(TurnsReport.OutboxName, load, service, arrivals, profile, () => service.WaitUntilListeningAsync(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Samples the sender's memory from now until the last message has arrived, and its CPU and this process's (the
    /// fake connector) from the first arrival to the last; <paramref name="start"/> sets it going.
    /// </summary>
    private static async Task<SendResult> MeasureAsync(
        string name, OutboxLoad load, ServiceProcess sender, MessageArrivals arrivals, ServerProfile? profile, Func<Task> start, CancellationToken cancellationToken)
    {
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var peak = sender.PeakWorkingSetAsync(sampling.Token);
        var started = start();
        await UntilAsync(arrivals.First, arrivals, sender, cancellationToken);
        var serverCpu = sender.CpuTime;
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var before = profile is null ? null : await profile.ReadAsync(cancellationToken);
        await UntilAsync(arrivals.All, arrivals, sender, cancellationToken);
        var serverCpuAfter = sender.CpuTime;
        var generatorCpuAfter = Process.GetCurrentProcess().TotalProcessorTime;
        await sampling.CancelAsync();
        await started;
        var after = profile is null ? null : await profile.SnapshotAsync(cancellationToken);
        return new(
            name,
            load,
            arrivals.Elapsed,
            await peak,
            serverCpuAfter - serverCpu,
            generatorCpuAfter - generatorCpu,
            arrivals.Duplicates,
            arrivals.Replies,
            before is null ? null : ProfileDelta.Between(before, after!));
    }

    /// <summary>Waits for <paramref name="done"/>, failing when the sender exits or nothing arrives for <see cref="Stall"/>.</summary>
    private static async Task UntilAsync(Task done, MessageArrivals arrivals, ServiceProcess sender, CancellationToken cancellationToken)
    {
        var seen = arrivals.Total;
        var progress = Stopwatch.StartNew();
        while (await Task.WhenAny(done, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)) != done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sender.ThrowIfExited();
            if (arrivals.Total != seen)
            {
                seen = arrivals.Total;
                progress.Restart();
            }
            else if (progress.Elapsed > Stall)
            {
                throw new InvalidOperationException($"{sender.Name}: {arrivals.Distinct:N0} of {arrivals.Expected:N0} messages arrived, then none for {Stall.TotalSeconds:N0} s.");
            }
        }
    }
}
