namespace Pingtang.Bot.Hosting;

/// <summary>
/// Administrators' tasks run from the command line instead of the web server:
/// <c>dotnet run --project src/Pingtang.Bot -- NAME ARGUMENTS</c>. A command sees the service's own configuration
/// (appsettings, environment, and <c>--Section:Key=value</c> arguments such as <c>--Storage:DataFolder=…</c>) and its
/// database, brought up to date first; the web server does not start.
/// </summary>
public static class CommandLine
{
    public const int Failed = 1;

    public const int UsageError = 2;

    /// <summary>What a shell expects from a program stopped by Ctrl+C.</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// Runs the command the arguments name, if they name one, and says whether they did; the process should then end
    /// with <see cref="Environment.ExitCode"/>. Arguments that start with an option (<c>--urls …</c>) are the web
    /// server's.
    /// </summary>
    public static async Task<bool> TryRunAsync(string[] args, IReadOnlyList<Command> commands)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not [var name, ..] || name.StartsWith('-') || name.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Let the command stop between rows and say so, rather than being killed mid-write.
            e.Cancel = true;
            stop.Cancel();
        };
        Environment.ExitCode = await RunAsync(args, commands, new CommandConsole(Console.Out, Console.Error, !Console.IsOutputRedirected), stop.Token);
        return true;
    }

    /// <summary>Runs one command line and returns its exit code.</summary>
    internal static async Task<int> RunAsync(string[] args, IReadOnlyList<Command> commands, CommandConsole console, CancellationToken cancellationToken)
    {
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        var (own, configuration) = Split(args.Skip(1).ToList());
        if (command?.Bind(own) is not { } run)
        {
            await console.Error.WriteLineAsync(Usage(commands, command));
            return UsageError;
        }

        var builder = WebApplication.CreateBuilder(configuration);
        // Logs go to standard error, away from the report; the framework's chatter (migrations, SQL) only when it matters.
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddPingtangData();
        await using var app = builder.Build();
        try
        {
            await ActivatorUtilities.CreateInstance<DatabaseMigrator>(app.Services).MigrateAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            return await run(scope.ServiceProvider, console, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync(CommandTexts.Interrupted);
            return Interrupted;
        }
    }

    /// <summary>The command's own arguments, and the <c>--Section:Key[=value]</c> settings meant for the configuration.</summary>
    private static (List<string> Own, string[] Configuration) Split(List<string> args)
    {
        var own = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !arg.Split('=')[0].Contains(':', StringComparison.Ordinal))
            {
                own.Add(arg);
                continue;
            }

            configuration.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
            {
                configuration.Add(args[++i]);
            }
        }

        return (own, [.. configuration]);
    }

    private static string Usage(IReadOnlyList<Command> commands, Command? wrong) =>
        string.Join(
            Environment.NewLine,
            [
                wrong is null ? CommandTexts.UnknownCommand : CommandTexts.WrongArguments,
                CommandTexts.UsageHeading,
                .. commands.Where(c => wrong is null || c == wrong).Select(c => $"  dotnet run --project src/Pingtang.Bot -- {c.Usage}"),
                CommandTexts.UsageSettings,
            ]);
}

/// <summary>
/// A command-line task. <see cref="Bind"/> reads its own arguments and returns how to run it, or null when they
/// are wrong (the usage is then shown); <see cref="Usage"/> is its synopsis and what it does.
/// </summary>
public sealed record Command(string Name, string Usage, Func<IReadOnlyList<string>, CommandRun?> Bind);

/// <summary>A command bound to its arguments: runs in a scope of the service's container and returns the exit code.</summary>
public delegate Task<int> CommandRun(IServiceProvider services, CommandConsole console, CancellationToken cancellationToken);

/// <summary>Where a command writes; <see cref="IsTerminal"/> says a person watches, so progress may redraw one line.</summary>
public sealed record CommandConsole(TextWriter Out, TextWriter Error, bool IsTerminal);

internal static class CommandTexts
{
    public const string UnknownCommand = "不认识这个命令。";

    public const string WrongArguments = "命令的参数不对。";

    public const string UsageHeading = "用法：";

    public const string UsageSettings = "设置与服务相同（appsettings.json、环境变量），也可以加在后面，例如 --Storage:DataFolder=/srv/pingtang/data";

    public const string Interrupted = "已中断。已保存的部分保留，重新运行同一命令即可补全。";
}
