using System.Globalization;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Sheets;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// The jobs feature's command-line tasks: <c>import-jobs FILE</c> loads a station's sheet, <c>seed-demo [--jobs N]</c>
/// loads generated demo postings. Both go through <see cref="JobImport"/>, show a progress bar, then the report.
/// </summary>
public static class JobCommands
{
    public const int DefaultDemoJobs = 2000;

    public const int MostDemoJobs = 1_000_000;

    /// <summary>The report on the command line lists this many problems; the staff page lists more.</summary>
    public const int ListedProblems = 50;

    public static IReadOnlyList<Command> All { get; } =
    [
        new("import-jobs", "import-jobs FILE            导入站点的岗位表（.xlsx 或 UTF-8 .csv），按外部编号新增或更新", args =>
            args is [var file] && !file.StartsWith('-') ? (services, console, ct) => ImportAsync(file, services, console, ct) : null),
        new("seed-demo", $"seed-demo [--jobs N]        生成 N 条演示岗位（默认 {DefaultDemoJobs}）和每门课程的近期培训班，再次运行会更新而不是重复", args =>
            DemoCount(args) is { } count ? (services, console, ct) => SeedAsync(count, services, console, ct) : null),
    ];

    private static Task<int> ImportAsync(string file, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken) =>
        WithFileAsync(file, console, async (stream, path) =>
        {
            var progress = new ImportProgressBar(console);
            var report = await Import(services).ImportFileAsync(stream, path, progress, cancellationToken);
            progress.Done();
            await WriteReportAsync(report, console);
            return report.FileError is null ? 0 : CommandLine.Failed;
        });

    /// <summary>Opens the FILE a command names, relative to the shell's folder, and imports it; says so when it cannot be opened.</summary>
    internal static async Task<int> WithFileAsync(string file, CommandConsole console, Func<FileStream, string, Task<int>> import)
    {
        var path = Path.GetFullPath(file, ShellDirectory());
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync(string.Format(JobCommandTexts.CannotOpen, path, e is FileNotFoundException or DirectoryNotFoundException ? JobCommandTexts.NotFound : e.Message));
            return CommandLine.Failed;
        }

        await using (stream)
        {
            return await import(stream, path);
        }
    }

    private static async Task<int> SeedAsync(int count, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(services.GetRequiredService<TimeProvider>());
        var progress = new ImportProgressBar(console);
        var report = await Import(services).ImportDraftsAsync(DemoJobs.Generate(count, today), count, DemoJobs.Source, progress, cancellationToken);
        progress.Done();
        await WriteReportAsync(report, console);
        await TrainingCommands.SeedDemoAsync(services, console, cancellationToken);
        return 0;
    }

    private static JobImport Import(IServiceProvider services) =>
        new(services.GetRequiredService<PingtangDb>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<JobImport>>());

    /// <summary>An import's report on the command line: the summary, then the rows not imported by line and column.</summary>
    internal static async Task WriteReportAsync(ImportReport report, CommandConsole console)
    {
        var output = console.Out;
        if (report.FileError is { } error)
        {
            await console.Error.WriteLineAsync(string.Format(JobCommandTexts.FileFailed, report.Source, error));
            if (report.Added + report.Updated > 0)
            {
                await console.Error.WriteLineAsync(string.Format(SheetTexts.PartlySaved, report.Added + report.Updated));
            }

            return;
        }

        await output.WriteLineAsync(string.Format(JobCommandTexts.Done, report.Source, SheetTexts.Summary(report)));
        if (report.UnknownColumns.Count > 0)
        {
            await output.WriteLineAsync(SheetTexts.UnknownColumnsNote(report));
        }

        if (report.ProblemCount == 0)
        {
            return;
        }

        await output.WriteLineAsync(string.Format(JobCommandTexts.ProblemsHeading, Math.Min(ListedProblems, report.ProblemCount)));
        foreach (var problem in report.Problems.Take(ListedProblems))
        {
            await output.WriteLineAsync(string.Format(JobCommandTexts.Problem, problem.Line, problem.Column, problem.Message));
        }

        if (report.ProblemCount > ListedProblems)
        {
            await output.WriteLineAsync(string.Format(JobCommandTexts.MoreProblems, report.ProblemCount - ListedProblems));
        }
    }

    /// <summary>--jobs N or --jobs=N; none means <see cref="DefaultDemoJobs"/>; null when the arguments are wrong.</summary>
    private static int? DemoCount(IReadOnlyList<string> args)
    {
        var written = args switch
        {
            [] => DefaultDemoJobs.ToString(CultureInfo.InvariantCulture),
            ["--jobs", var n] => n,
            [var option] when option.StartsWith("--jobs=", StringComparison.Ordinal) => option["--jobs=".Length..],
            _ => null,
        };
        return int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MostDemoJobs ? count : null;
    }

    /// <summary>
    /// Where the administrator typed the command: <c>dotnet run</c> starts the web project in its own folder, so a
    /// relative FILE is read from the shell's folder (PWD) when the shell says which it is.
    /// </summary>
    private static string ShellDirectory() =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shell && Path.IsPathFullyQualified(shell) ? shell : Directory.GetCurrentDirectory();
}

internal static class JobCommandTexts
{
    /// <summary>{0} the path, {1} why.</summary>
    public const string CannotOpen = "无法打开文件 {0}：{1}";

    public const string NotFound = "文件不存在";

    /// <summary>{0} the file, {1} why.</summary>
    public const string FileFailed = "无法导入 {0}：{1}";

    /// <summary>{0} the file or source, {1} the summary.</summary>
    public const string Done = "导入完成（{0}）：{1}";

    /// <summary>{0} how many are listed.</summary>
    public const string ProblemsHeading = "以下各行未导入（前 {0} 个问题，行号即 Excel 左侧的行号，第 1 行是表头）：";

    /// <summary>{0} line, {1} column, {2} message.</summary>
    public const string Problem = "  第 {0} 行「{1}」：{2}";

    /// <summary>{0} how many more.</summary>
    public const string MoreProblems = "  ……另有 {0} 个问题未列出。";
}
