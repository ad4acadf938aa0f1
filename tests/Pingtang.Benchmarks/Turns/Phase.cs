using System.Diagnostics;

namespace Pingtang.Benchmarks.Turns;

/// <summary>How many replies a path's bot sends to a conversation's start and to each input of the dialog.</summary>
internal sealed record ReplyCounts(int Start, IReadOnlyList<int> Turns)
{
    public override string ToString() => $"start {Start} · {string.Join(" · ", Dialog.Inputs.Select((input, i) => $"{input} {Turns[i]}"))}";
}

/// <summary>The worker's side of the benchmark's dialog: a job search, then the next page of results.</summary>
internal static class Dialog
{
    public static readonly IReadOnlyList<string> Inputs = ["你好", "岗位查询", "广东", "不限", "不限", "下一页"];
}

/// <summary>What one phase measured: every turn's latency, and the server's peak memory and CPU over the phase.</summary>
internal sealed record PhaseResult(
    string Path, int Conversations, int Turns, int Starts, int Errors, TimeSpan Elapsed, double[] LatenciesMs,
    long PeakWorkingSet, TimeSpan ServerCpu, TimeSpan GeneratorCpu, ProfileDelta? Profile)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
}

/// <summary>
/// Runs <c>conversations</c> conversations at once, each starting a new conversation (a new conversation id, the
/// same user) and going through <see cref="Dialog.Inputs"/>, again and again, until the time is up. A turn is timed
/// from sending the activity until all its replies can be read; starting a conversation is not a turn, but its
/// time is within the phase.
/// </summary>
internal static class Phase
{
    private static int _phases;

    public static async Task<PhaseResult> RunAsync(
        ChatPath path, ReplyCounts counts, int conversations, TimeSpan duration, ServerProfile? profile, CancellationToken cancellationToken)
    {
        var tag = $"p{Interlocked.Increment(ref _phases)}";
        var before = profile is null ? null : await profile.SnapshotAsync(cancellationToken);
        var server = path.Server;
        var serverCpu = server.CpuTime;
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var stop = new CancellationTokenSource(duration);
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var peak = server.PeakWorkingSetAsync(sampling.Token);
        var watch = Stopwatch.StartNew();
        var slots = await Task.WhenAll(Enumerable.Range(0, conversations)
            .Select(slot => Task.Run(() => RunConversationsAsync(path, counts, $"{tag}-{slot}", stop.Token, cancellationToken), cancellationToken)));
        var elapsed = watch.Elapsed;
        await sampling.CancelAsync();
        var peakWorkingSet = await peak;
        var result = new PhaseResult(
            path.Name,
            conversations,
            slots.Sum(s => s.Latencies.Count),
            slots.Sum(s => s.Starts),
            slots.Sum(s => s.Errors),
            elapsed,
            [.. slots.SelectMany(s => s.Latencies).Order()],
            peakWorkingSet,
            server.CpuTime - serverCpu,
            Process.GetCurrentProcess().TotalProcessorTime - generatorCpu,
            before is null ? null : ProfileDelta.Between(before, await profile!.SnapshotAsync(cancellationToken)));
        server.ThrowIfExited();
        return result;
    }

    private static async Task<SlotResult> RunConversationsAsync(ChatPath path, ReplyCounts counts, string slot, CancellationToken stop, CancellationToken cancellationToken)
    {
        var result = new SlotResult();
        var userId = $"bench-{slot}";
        for (var cycle = 0; !stop.IsCancellationRequested; cycle++)
        {
            try
            {
                var (chat, welcome) = await path.StartAsync($"bench-{slot}-{cycle}", userId, counts.Start, cancellationToken);
                result.Starts++;
                if (welcome != counts.Start)
                {
                    result.Errors++;
                }

                for (var step = 0; step < Dialog.Inputs.Count && !stop.IsCancellationRequested; step++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var replies = await path.TurnAsync(chat, Dialog.Inputs[step], counts.Turns[step], cancellationToken);
                    result.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (replies != counts.Turns[step])
                    {
                        result.Errors++;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A failed turn leaves its conversation in an unknown step: count it and begin a new one.
                result.Errors++;
                path.Server.ThrowIfExited();
            }
        }

        return result;
    }

    private sealed class SlotResult
    {
        public List<double> Latencies { get; } = [];

        public int Starts { get; set; }

        public int Errors { get; set; }
    }
}
