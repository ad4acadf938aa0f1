using System.Globalization;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Sheets;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// The jobs feature's command-line tasks: <c>import-jobs FILE</c> loads a station's sheet, <c>seed-demo [--jobs N]</c>
/// loads generated demo postings. Both go through <see cref="JobImport"/>, show a progress bar, then the report.
/// </summary>
public static class JobCommands
{
    public const int DefaultDemoJobs = 2000;

    public const int MostDemoJobs = 1_000_000;

    public static IReadOnlyList<Command> All { get; } =
    [
        new("import-jobs", "import-jobs FILE            导入站点的岗位表（.xlsx 或 UTF-8 .csv），按外部编号新增或更新", args =>
            args is [var file] && !file.StartsWith('-') ? (services, console, ct) => ImportAsync(file, services, console, ct) : null),
        new("seed-demo", $"seed-demo [--jobs N]        生成 N 条演示岗位（默认 {DefaultDemoJobs}）和每门课程的近期培训班，再次运行会更新而不是重复", args =>
            DemoCount(args) is { } count ? (services, console, ct) => SeedAsync(count, services, console, ct) : null),
    ];

    private static Task<int> ImportAsync(string file, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken) =>
        SheetCommandLine.WithFileAsync(file, console, async (stream, path) =>
        {
            var progress = new ImportProgressBar(console);
            var report = await Import(services).ImportFileAsync(stream, path, progress, cancellationToken);
            progress.Done();
            await SheetCommandLine.WriteReportAsync(report, console);
            return report.FileError is null ? 0 : CommandLine.Failed;
        });

    private static async Task<int> SeedAsync(int count, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(services.GetRequiredService<TimeProvider>());
        var progress = new ImportProgressBar(console);
        var report = await Import(services).ImportDraftsAsync(DemoJobs.Generate(count, today), count, DemoJobs.Source, progress, cancellationToken);
        progress.Done();
        await SheetCommandLine.WriteReportAsync(report, console);
        await TrainingCommands.SeedDemoAsync(services, console, cancellationToken);
        return 0;
    }

    private static JobImport Import(IServiceProvider services) =>
        new(services.GetRequiredService<PingtangDb>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<JobImport>>());

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
}
