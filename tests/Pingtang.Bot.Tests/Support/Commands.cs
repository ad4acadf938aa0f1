using Pingtang.Bot.Hosting;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Training;

namespace Pingtang.Bot.Tests.Support;

/// <summary>A command line run through the program's own dispatch on <paramref name="DataFolder"/>, as an administrator types it.</summary>
public sealed record Commands(string DataFolder)
{
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync([.. args, $"--Storage:DataFolder={DataFolder}"], [.. JobCommands.All, .. TrainingCommands.All], new CommandConsole(output, error, IsTerminal: false), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
