using Pingtang.Bot.Hosting;
using Pingtang.Domain.Sheets;

namespace Pingtang.Bot.Sheets;

/// <summary>What every import command does around its feature's import: open the FILE it names, then write the report.</summary>
internal static class SheetCommandLine
{
    /// <summary>The report on the command line lists this many problems; the staff page lists more.</summary>
    public const int ListedProblems = 50;

    /// <summary>Opens the FILE a command names, relative to the shell's folder, and imports it; says so when it cannot be opened.</summary>
    public static async Task<int> WithFileAsync(string file, CommandConsole console, Func<FileStream, string, Task<int>> import)
    {
        var path = Path.GetFullPath(file, ShellDirectory());
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync(string.Format(ImportTexts.CannotOpen, path, e is FileNotFoundException or DirectoryNotFoundException ? ImportTexts.NotFound : e.Message));
            return CommandLine.Failed;
        }

        await using (stream)
        {
            return await import(stream, path);
        }
    }

    /// <summary>An import's report on the command line: the summary, then the rows not imported by line and column.</summary>
    public static async Task WriteReportAsync(ImportReport report, CommandConsole console)
    {
        var output = console.Out;
        if (report.FileError is { } error)
        {
            await console.Error.WriteLineAsync(string.Format(ImportTexts.FileFailed, report.Source, error));
            if (report.Added + report.Updated > 0)
            {
                await console.Error.WriteLineAsync(string.Format(SheetTexts.PartlySaved, report.Added + report.Updated));
            }

            return;
        }

        await output.WriteLineAsync(string.Format(ImportTexts.Done, report.Source, SheetTexts.Summary(report)));
        if (report.UnknownColumns.Count > 0)
        {
            await output.WriteLineAsync(SheetTexts.UnknownColumnsNote(report));
        }

        if (report.ProblemCount == 0)
        {
            return;
        }

        await output.WriteLineAsync(string.Format(ImportTexts.ProblemsHeading, Math.Min(ListedProblems, report.ProblemCount)));
        foreach (var problem in report.Problems.Take(ListedProblems))
        {
            await output.WriteLineAsync(string.Format(ImportTexts.Problem, problem.Line, problem.Column, problem.Message));
        }

        if (report.ProblemCount > ListedProblems)
        {
            await output.WriteLineAsync(string.Format(ImportTexts.MoreProblems, report.ProblemCount - ListedProblems));
        }
    }

    /// <summary>
    /// Where the administrator typed the command: <c>dotnet run</c> starts the web project in its own folder, so a
    /// relative FILE is read from the shell's folder (PWD) when the shell says which it is.
    /// </summary>
    private static string ShellDirectory() =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell && Path.IsPathFullyQualified(shell) ? shell : Directory.GetCurrentDirectory();
}
