using System.Globalization;

namespace Pingtang.Benchmarks.Turns;

/// <summary>One path at one number of conversations, over all its phases.</summary>
internal sealed record PathSummary(string Path, int Conversations, IReadOnlyList<PhaseResult> Phases)
{
    private readonly double[] _latencies = [.. Phases.SelectMany(p => p.LatenciesMs).Order()];

    public int Turns => Phases.Sum(p => p.Turns);

    public double TurnsPerSecond => Turns / Phases.Sum(p => p.Elapsed.TotalSeconds);

    public double SlowestPhase => Phases.Min(p => p.TurnsPerSecond);

    public double FastestPhase => Phases.Max(p => p.TurnsPerSecond);

    public double P50 => Stats.Percentile(_latencies, 0.50);

    public double P95 => Stats.Percentile(_latencies, 0.95);

    public double P99 => Stats.Percentile(_latencies, 0.99);

    public double PeakMegabytes => Phases.Max(p => p.PeakWorkingSet) / 1024.0 / 1024.0;

    public double ServerCpuMsPerTurn => Phases.Sum(p => p.ServerCpu.TotalMilliseconds) / Turns;

    public double GeneratorCpuMsPerTurn => Phases.Sum(p => p.GeneratorCpu.TotalMilliseconds) / Turns;

    public int Errors => Phases.Sum(p => p.Errors);
}

/// <summary>
/// The tables at the end of <c>turns</c> and <c>outbox</c>, the floors of issue 9, and with <c>--profile</c> where the
/// service's time went.
/// </summary>
internal static class TurnsReport
{
    public const string ApiMessagesName = "/api/messages";
    public const string DirectLineName = "Direct Line";
    public const string EchoName = "echo bot (stock)";
    public const string OutboxName = "outbox";
    public const string BareLoopName = "bare loop";

    private const double EchoRatioFloor = 4;
    private const double P99FloorMs = 25;
    private const int P99FloorConversations = 8;
    private const double DirectLineFloor = 1_000;
    private const double OutboxFloor = 2_000;
    private const double BareLoopRatioFloor = 0.5;

    public static string Line(PhaseResult phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var sorted = phase.LatenciesMs;
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0,-17} {1,3} conv: {2,7:N0} turns/s  p50 {3,6:F1}  p95 {4,6:F1}  p99 {5,6:F1} ms  peak {6,5:N0} MB  server CPU {7,5:F2} ms/turn  errors {8}",
            phase.Path,
            phase.Conversations,
            phase.TurnsPerSecond,
            Stats.Percentile(sorted, 0.50),
            Stats.Percentile(sorted, 0.95),
            Stats.Percentile(sorted, 0.99),
            phase.PeakWorkingSet / 1024.0 / 1024.0,
            phase.Turns == 0 ? 0 : phase.ServerCpu.TotalMilliseconds / phase.Turns,
            phase.Errors);
    }

    public static string Line(SendResult sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0,-17} {1,7:N0} messages in {2,5:F1} s: {3,7:N0} messages/s  peak {4,5:N0} MB  server CPU {5,5:F2} ms/message  duplicates {6}",
            sent.Sender,
            sent.Load.Messages,
            sent.Elapsed.TotalSeconds,
            sent.MessagesPerSecond,
            sent.PeakWorkingSet / 1024.0 / 1024.0,
            sent.ServerCpu.TotalMilliseconds / sent.Load.Messages,
            sent.Duplicates);
    }

    public static void Print(IReadOnlyList<PhaseResult> results, bool profiled)
    {
        ArgumentNullException.ThrowIfNull(results);
        var summaries = results.GroupBy(r => (r.Path, r.Conversations)).Select(g => new PathSummary(g.Key.Path, g.Key.Conversations, [.. g])).ToList();
        double EchoRate(int conversations) => summaries.Single(s => s.Path == EchoName && s.Conversations == conversations).TurnsPerSecond;

        Console.WriteLine();
        Console.WriteLine("| path | conversations | turns/s | phases' turns/s | p50 ms | p95 ms | p99 ms | peak MB | server CPU ms/turn | load CPU ms/turn | × echo | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in summaries.OrderBy(s => s.Conversations).ThenBy(s => s.Path == EchoName))
        {
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1} | {2:N0} | {3:N0}–{4:N0} | {5:F1} | {6:F1} | {7:F1} | {8:N0} | {9:F2} | {10:F2} | {11} | {12} |",
                s.Path, s.Conversations, s.TurnsPerSecond, s.SlowestPhase, s.FastestPhase, s.P50, s.P95, s.P99, s.PeakMegabytes,
                s.ServerCpuMsPerTurn, s.GeneratorCpuMsPerTurn, s.Path == EchoName ? "1" : (s.TurnsPerSecond / EchoRate(s.Conversations)).ToString("F2", CultureInfo.InvariantCulture), s.Errors));
        }

        Console.WriteLine();
        Console.WriteLine("peak MB: the server process's largest resident set during the phases, sampled every 50 ms. CPU: the server's, and this process's (load, fake connector), per turn.");

        Console.WriteLine();
        Console.WriteLine("Floors (2 cores):");
        foreach (var s in summaries.Where(s => s.Path != EchoName).OrderBy(s => s.Conversations))
        {
            var ratio = s.TurnsPerSecond / EchoRate(s.Conversations);
            Floor($"{s.Path}, {s.Conversations} conversations: ≥ {EchoRatioFloor}× the echo bot's turns/s", $"{ratio:F2}×", ratio >= EchoRatioFloor);
            if (s.Conversations == P99FloorConversations)
            {
                Floor($"{s.Path}, {s.Conversations} conversations: p99 ≤ {P99FloorMs} ms", $"{s.P99:F1} ms", s.P99 <= P99FloorMs);
            }

            if (s.Path == DirectLineName)
            {
                Floor($"{s.Path}, {s.Conversations} conversations: ≥ {DirectLineFloor:N0} turns/s", $"{s.TurnsPerSecond:N0}", s.TurnsPerSecond >= DirectLineFloor);
            }
        }

        if (profiled)
        {
            foreach (var s in summaries.Where(s => s.Path != EchoName).OrderBy(s => s.Conversations))
            {
                PrintProfile(s);
            }
        }
    }

    /// <summary>The outbox's table: the service sending what its outbox holds, and the bare loop sending the same.</summary>
    public static void PrintOutbox(OutboxResults? results)
    {
        Console.WriteLine();
        if (results is null)
        {
            Console.WriteLine("| outbox | not measured (--no-outbox) |");
            return;
        }

        var (outbox, bare) = results;
        Console.WriteLine("| sender | messages | at a time | messages/s | seconds | peak MB | server CPU ms/message | load CPU ms/message | × bare loop msg/s | × bare loop MB | duplicates |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var sent in new[] { outbox, bare })
        {
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1:N0} | {2} | {3:N0} | {4:F1} | {5:N0} | {6:F2} | {7:F2} | {8:F2} | {9:F2} | {10} |",
                sent.Sender,
                sent.Load.Messages,
                OutboxLoad.Parallelism,
                sent.MessagesPerSecond,
                sent.Elapsed.TotalSeconds,
                sent.PeakWorkingSet / 1024.0 / 1024.0,
                sent.ServerCpu.TotalMilliseconds / sent.Load.Messages,
                sent.GeneratorCpu.TotalMilliseconds / sent.Load.Messages,
                sent.MessagesPerSecond / bare.MessagesPerSecond,
                (double)sent.PeakWorkingSet / bare.PeakWorkingSet,
                sent.Duplicates));
        }

        Console.WriteLine();
        Console.WriteLine($"seconds: from the first message's arrival at the fake connector to the last's; {outbox.Load.Workers:N0} workers. peak MB: the sender process's largest resident set, sampled every 50 ms from its start (the outbox's) or from the request that sets it going (the bare loop's). CPU: the sender's, and this process's (fake connector), from the first arrival to the last, per message.");
        if (outbox.Replies != bare.Replies)
        {
            Console.WriteLine($"Note: {outbox.Replies:N0} of the outbox's messages and {bare.Replies:N0} of the bare loop's came as replies to an activity, not to the conversation.");
        }

        Console.WriteLine();
        Console.WriteLine("Floors (2 cores):");
        var ratio = outbox.MessagesPerSecond / bare.MessagesPerSecond;
        Floor($"outbox, {outbox.Load.Messages:N0} messages: ≥ {OutboxFloor:N0} messages/s", $"{outbox.MessagesPerSecond:N0}", outbox.MessagesPerSecond >= OutboxFloor);
        Floor($"outbox, {outbox.Load.Messages:N0} messages: ≥ {BareLoopRatioFloor} of the bare loop's messages/s", $"{ratio:F2}", ratio >= BareLoopRatioFloor);
        if (outbox.Profile is { } profile)
        {
            PrintProfile($"the outbox, from the first message's arrival to the last ({outbox.Load.Messages:N0} messages)", profile, outbox.Load.Messages, "message", outbox.Elapsed.TotalMilliseconds);
        }
    }

    private static void Floor(string floor, string measured, bool met) =>
        Console.WriteLine($"  {floor}: {measured} — {(met ? "met" : "NOT met")}");

    private static void PrintProfile(PathSummary summary) =>
        PrintProfile(
            $"{summary.Path} at {summary.Conversations} conversations ({summary.Turns:N0} turns, {summary.Phases.Sum(p => p.Starts):N0} conversation starts)",
            ProfileDelta.Sum([.. summary.Phases.Select(p => p.Profile!)]),
            summary.Turns,
            "turn",
            summary.Phases.Sum(p => p.Elapsed.TotalMilliseconds));

    private static void PrintProfile(string what, ProfileDelta profile, long count, string unit, double elapsedMs)
    {
        double PerUnit(double value) => value / count;
        Console.WriteLine();
        Console.WriteLine($"Service profile, {what}:");
        Console.WriteLine($"| statement | per {unit} | ms per {unit} | mean ms | ≥ 150 ms (busy) | ms per {unit} in those | est. 150 ms sleeps |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var statements = profile.Statements.Where(s => s.Value.Count > 0).OrderByDescending(s => s.Value.TotalMs).ToList();
        foreach (var (kind, stats) in statements)
        {
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1:F2} | {2:F2} | {3:F2} | {4:N0} | {5:F2} | {6:N0} |",
                kind, PerUnit(stats.Count), PerUnit(stats.TotalMs), stats.TotalMs / stats.Count, stats.Slow, PerUnit(stats.SlowMs), stats.Sleeps));
        }

        var all = statements.Aggregate(new StatementStats(0, 0, 0, 0, 0), (sum, s) => new(sum.Count + s.Value.Count, sum.TotalMs + s.Value.TotalMs, sum.Slow + s.Value.Slow, sum.SlowMs + s.Value.SlowMs, sum.Sleeps + s.Value.Sleeps));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "| all | {0:F2} | {1:F2} | {2:F2} | {3:N0} | {4:F2} | {5:N0} |",
            PerUnit(all.Count), PerUnit(all.TotalMs), all.Count == 0 ? 0 : all.TotalMs / all.Count, all.Slow, PerUnit(all.SlowMs), all.Sleeps));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "runtime: {0:N0} KB allocated per {9}; GC pauses {1:F2} ms per {9} ({2:F1}% of the time), gen0/1/2 collections {3}/{4}/{5}; {6:F1} lock contentions per {9}; thread pool {7} threads at the end, {8:F1} work items waiting on average",
            PerUnit(profile.AllocatedBytes) / 1024,
            PerUnit(profile.GcPauseMs),
            100 * profile.GcPauseMs / elapsedMs,
            profile.Gen0,
            profile.Gen1,
            profile.Gen2,
            PerUnit(profile.LockContentions),
            profile.ThreadPoolThreads,
            profile.Samples == 0 ? 0 : (double)profile.PendingWorkItemsSum / profile.Samples,
            unit));
    }
}
