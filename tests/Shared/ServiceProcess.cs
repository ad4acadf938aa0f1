using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Pingtang.Testing;

/// <summary>
/// A server under test in a process of its own, so its memory and CPU are its own and it runs with its own runtime
/// settings (the web SDK's server GC), as in production, and can be killed as a machine dies. Its console goes to a
/// log file. The benchmarks and the tests of whole service processes share it (linked into both projects).
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan MemorySampleInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _logFile;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _logClosed;

    private ServiceProcess(string name, Process process, StreamWriter log, string logFile)
    {
        Name = name;
        _process = process;
        _log = log;
        _logFile = logFile;
    }

    /// <summary>The <c>dotnet</c> that runs this benchmark, or the one on the PATH when it runs from its apphost.</summary>
    public static string Dotnet { get; } =
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>The service as built into this program's output (a project reference copies it there).</summary>
    public static string BotAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "Pingtang.Bot.dll");

    /// <summary><c>src/Pingtang.Bot</c>: the service's content root (its appsettings.json), as <c>dotnet run</c> uses it.</summary>
    public static string BotProject { get; } =
        typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PingtangBotProject").Value!;

    /// <summary>What the servers run in: Production, so console logging is at the appsettings levels.</summary>
    public static IReadOnlyDictionary<string, string> Production { get; } = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    public string Name { get; }

    public int Id => _process.Id;

    /// <summary>The address Kestrel bound (port 0 picks a free one), read from its "Now listening on" line.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts a web server and waits until it listens.</summary>
    public static async Task<ServiceProcess> StartAsync(
        string name, string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, string logFile, CancellationToken cancellationToken)
    {
        var service = Start(name, program, arguments, workingDirectory, environment, logFile);
        try
        {
            await service.WaitUntilListeningAsync(cancellationToken);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until a web server started with <see cref="Start"/> listens, for a server that gets to work before it
    /// listens (the outbox's sender starts with the service).
    /// </summary>
    public async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var exited = _process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(_listening.Task, exited);
        if (first != _listening.Task)
        {
            throw new InvalidOperationException($"{Name} did not start listening. The end of {_logFile}:{Environment.NewLine}{Tail(_logFile)}");
        }

        BaseUrl = await _listening.Task;
    }

    /// <summary>The last lines the process wrote, for a failure's message.</summary>
    public string LogTail() => Tail(_logFile);

    /// <summary>Whether it has exited (killed, or fallen over by itself).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Kills it at once (SIGKILL, as a machine dies: nothing is finished or released) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Runs a command of the program to its end; throws when it fails.</summary>
    public static async Task RunToEndAsync(
        string name, string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, string logFile, CancellationToken cancellationToken)
    {
        await using var command = Start(name, program, arguments, workingDirectory, environment, logFile);
        await command._process.WaitForExitAsync(cancellationToken);
        if (command._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited with {command._process.ExitCode}. The end of {logFile}:{Environment.NewLine}{Tail(logFile)}");
        }
    }

    private static string Tail(string logFile) => string.Join(Environment.NewLine, File.ReadLines(logFile).TakeLast(20));

    /// <summary>Starts the program, its console going to <paramref name="logFile"/>, and returns at once.</summary>
    public static ServiceProcess Start(
        string name, string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The shell's own settings (a Development environment, URLs, a data folder) must not leak into the server.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(name, process, log, logFile);
        process.OutputDataReceived += (_, e) => service.Write(e.Data);
        process.ErrorDataReceived += (_, e) => service.Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            // The last lines of a killed process may come after the log is closed.
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    /// <summary>The largest resident set (heap, code, SQLite's cache and mapped pages), sampled every 50 ms until <paramref name="stop"/>.</summary>
    public async Task<long> PeakWorkingSetAsync(CancellationToken stop)
    {
        var peak = WorkingSetBytes;
        using var timer = new PeriodicTimer(MemorySampleInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                peak = Math.Max(peak, WorkingSetBytes);
            }
        }
        catch (OperationCanceledException)
        {
            // Sampled to the end.
        }

        return Math.Max(peak, WorkingSetBytes);
    }

    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}. The end of {_logFile}:{Environment.NewLine}{Tail(_logFile)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_log)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
