using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pingtang.Benchmarks.Turns;

/// <summary>What one kind of SQL statement cost: how often, how long in all, and how often it took a busy wait's time.</summary>
internal sealed record StatementStats(long Count, double TotalMs, long Slow, double SlowMs, long Sleeps)
{
    public static StatementStats operator -(StatementStats after, StatementStats before) =>
        new(after.Count - before.Count, after.TotalMs - before.TotalMs, after.Slow - before.Slow, after.SlowMs - before.SlowMs, after.Sleeps - before.Sleeps);
}

/// <summary>The service's running totals, written by <see cref="ServerProfileRecorder"/>; only differences are meaningful.</summary>
internal sealed record ProfileSnapshot(
    Dictionary<string, StatementStats> Statements,
    long AllocatedBytes,
    double GcPauseMs,
    int Gen0,
    int Gen1,
    int Gen2,
    long LockContentions,
    long PendingWorkItemsSum,
    long Samples,
    int ThreadPoolThreads);

/// <summary>What a phase cost the service's database and runtime, by difference of two snapshots.</summary>
internal sealed record ProfileDelta(
    Dictionary<string, StatementStats> Statements, long AllocatedBytes, double GcPauseMs, int Gen0, int Gen1, int Gen2,
    long LockContentions, long PendingWorkItemsSum, long Samples, int ThreadPoolThreads)
{
    public static ProfileDelta Between(ProfileSnapshot before, ProfileSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var empty = new StatementStats(0, 0, 0, 0, 0);
        return new(
            after.Statements.ToDictionary(s => s.Key, s => s.Value - before.Statements.GetValueOrDefault(s.Key, empty)),
            after.AllocatedBytes - before.AllocatedBytes,
            after.GcPauseMs - before.GcPauseMs,
            after.Gen0 - before.Gen0,
            after.Gen1 - before.Gen1,
            after.Gen2 - before.Gen2,
            after.LockContentions - before.LockContentions,
            after.PendingWorkItemsSum - before.PendingWorkItemsSum,
            after.Samples - before.Samples,
            after.ThreadPoolThreads);
    }

    public static ProfileDelta Sum(IReadOnlyList<ProfileDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var statements = new Dictionary<string, StatementStats>();
        foreach (var (key, stats) in deltas.SelectMany(d => d.Statements))
        {
            statements[key] = statements.TryGetValue(key, out var sum)
                ? new(sum.Count + stats.Count, sum.TotalMs + stats.TotalMs, sum.Slow + stats.Slow, sum.SlowMs + stats.SlowMs, sum.Sleeps + stats.Sleeps)
                : stats;
        }

        return new(
            statements,
            deltas.Sum(d => d.AllocatedBytes),
            deltas.Sum(d => d.GcPauseMs),
            deltas.Sum(d => d.Gen0),
            deltas.Sum(d => d.Gen1),
            deltas.Sum(d => d.Gen2),
            deltas.Sum(d => d.LockContentions),
            deltas.Sum(d => d.PendingWorkItemsSum),
            deltas.Sum(d => d.Samples),
            deltas.Max(d => d.ThreadPoolThreads));
    }
}

/// <summary>The benchmark's side of <c>--profile</c>: reads the service's latest snapshot.</summary>
internal sealed class ServerProfile(string file)
{
    /// <summary>Longer than the recorder's interval, so the snapshot read after a phase has all of the phase in it.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);

    public string File { get; } = file;

    /// <summary>
    /// Has a server started with <paramref name="environment"/> load the recorder as a startup hook, writing to
    /// <paramref name="file"/>; returns what reads it.
    /// </summary>
    public static ServerProfile Attach(Dictionary<string, string> environment, string file)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment["DOTNET_STARTUP_HOOKS"] = typeof(ServerProfile).Assembly.Location;
        environment[ServerProfileRecorder.FileVariable] = file;
        return new ServerProfile(file);
    }

    /// <summary>The totals up to now: waits until the recorder has written what happened up to now.</summary>
    public async Task<ProfileSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Settle, cancellationToken);
        return await ReadAsync(cancellationToken);
    }

    /// <summary>The totals the recorder wrote last, up to one interval old: for the start of a measurement.</summary>
    public async Task<ProfileSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var stream = System.IO.File.OpenRead(File);
        return await JsonSerializer.DeserializeAsync<ProfileSnapshot>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException($"{File} is empty.");
    }
}

/// <summary>
/// Runs inside the service under <c>--profile</c> (loaded as a startup hook, see <see cref="StartupHook"/>): times
/// every SQL statement and transaction EF Core runs, through EF Core's diagnostic events, and samples the runtime;
/// every <see cref="Interval"/> it writes the running totals to the file named by <see cref="FileVariable"/>.
/// Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping 150 ms and trying again, so a statement that normally
/// takes well under a millisecond and took 150 ms or more has waited on another writer; its sleeps are estimated
/// as its time divided by 150 ms.
/// </summary>
internal sealed partial class ServerProfileRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public const string FileVariable = "PINGTANG_BENCH_PROFILE";

    private const double BusySleepMs = 150;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private static readonly HashSet<string> Events =
    [
        RelationalEventId.CommandExecuted.Name!,
        RelationalEventId.CommandError.Name!,
        RelationalEventId.TransactionStarted.Name!,
        RelationalEventId.TransactionCommitted.Name!,
    ];

    private readonly ConcurrentDictionary<string, Totals> _statements = new();
    private readonly string _file;
    private long _pendingSum;
    private long _samples;
    private readonly Lock _writing = new();
    private Timer? _timer;

    private ServerProfileRecorder(string file) => _file = file;

    public static void StartInThisProcess()
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is not { Length: > 0 } file)
        {
            return;
        }

        var recorder = new ServerProfileRecorder(file);
        DiagnosticListener.AllListeners.Subscribe(recorder);
        recorder._timer = new Timer(_ => recorder.Write(), null, TimeSpan.Zero, Interval);
        Kept = recorder;
    }

    // The timer lives as long as the process; nothing else holds the recorder.
    private static ServerProfileRecorder? Kept { get; set; }

    public void OnNext(DiagnosticListener value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(this, name => Events.Contains(name));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        var (kind, duration) = value.Value switch
        {
            CommandEndEventData command => (Classify(command.Command.CommandText) + (value.Value is CommandErrorEventData ? " (failed)" : ""), command.Duration),
            TransactionEndEventData transaction => (value.Key == RelationalEventId.TransactionStarted.Name ? "BEGIN" : "COMMIT", transaction.Duration),
            _ => (null, TimeSpan.Zero),
        };
        if (kind is not null)
        {
            _statements.GetOrAdd(kind, _ => new Totals()).Add(duration.TotalMilliseconds);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    /// <summary><c>SELECT StoredStates</c>, <c>INSERT WorkerAddresses</c>: the statement's verb and its first table.</summary>
    private static string Classify(string sql)
    {
        var verb = sql.AsSpan().TrimStart();
        var end = verb.IndexOfAny(' ', '\n', '\r');
        var word = (end < 0 ? verb : verb[..end]).ToString().ToUpperInvariant();
        var table = FirstTable().Match(sql);
        return table.Success ? $"{word} {table.Groups[1].Value}" : word;
    }

    private void Write()
    {
        Interlocked.Add(ref _pendingSum, ThreadPool.PendingWorkItemCount);
        Interlocked.Increment(ref _samples);
        var snapshot = new ProfileSnapshot(
            _statements.ToDictionary(s => s.Key, s => s.Value.Read()),
            GC.GetTotalAllocatedBytes(precise: false),
            GC.GetTotalPauseDuration().TotalMilliseconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            Monitor.LockContentionCount,
            Interlocked.Read(ref _pendingSum),
            Interlocked.Read(ref _samples),
            ThreadPool.ThreadCount);
        // Written aside and moved over, so the benchmark never reads half a file; one at a time, because on a loaded
        // machine the timer fires again before the last write is done.
        lock (_writing)
        {
            var next = _file + ".next";
            System.IO.File.WriteAllText(next, JsonSerializer.Serialize(snapshot));
            System.IO.File.Move(next, _file, overwrite: true);
        }
    }

    [GeneratedRegex(@"\b(?:FROM|INTO|UPDATE)\s+""(\w+)""", RegexOptions.IgnoreCase)]
    private static partial Regex FirstTable();

    private sealed class Totals
    {
        private readonly Lock _lock = new();
        private long _count;
        private double _totalMs;
        private long _slow;
        private double _slowMs;
        private long _sleeps;

        public void Add(double ms)
        {
            lock (_lock)
            {
                _count++;
                _totalMs += ms;
                if (ms >= BusySleepMs)
                {
                    _slow++;
                    _slowMs += ms;
                    _sleeps += (long)(ms / BusySleepMs);
                }
            }
        }

        public StatementStats Read()
        {
            lock (_lock)
            {
                return new(_count, _totalMs, _slow, _slowMs, _sleeps);
            }
        }
    }
}
