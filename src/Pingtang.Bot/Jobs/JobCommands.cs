using Pingtang.Bot.Demo;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Sheets;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>
/// The jobs feature's command-line tasks: <c>import-jobs FILE</c> loads a station's sheet, and its part of
/// <c>seed-demo [--jobs N]</c> loads generated demo postings. Both go through <see cref="JobImport"/>, show a
/// progress bar, then the report.
/// </summary>
public static class JobCommands
{
    public const int DefaultDemoJobs = 2000;

    public const int MostDemoJobs = 1_000_000;

    public static IReadOnlyList<Command> All { get; } =
    [
        new("import-jobs", "import-jobs FILE            导入站点的岗位表（.xlsx 或 UTF-8 .csv），按外部编号新增或更新", args =>
            args is [var file] && !file.StartsWith('-') ? (services, console, ct) => ImportAsync(file, services, console, ct) : null),
    ];

    /// <summary>Generated postings for <c>seed-demo</c>, as many as <c>--jobs N</c> says.</summary>
    public static DemoSeed Demo { get; } = new($"N 条演示岗位（默认 {DefaultDemoJobs}）", new("jobs", DefaultDemoJobs, MostDemoJobs), SeedAsync);

    private static Task<int> ImportAsync(string file, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken) =>
        SheetCommandLine.WithFileAsync(file, console, async (stream, path) =>
        {
            var progress = new ImportProgressBar(console);
            var report = await Import(services).ImportFileAsync(stream, path, progress, cancellationToken);
            progress.Done();
            await SheetCommandLine.WriteReportAsync(report, console);
            return report.FileError is null ? 0 : CommandLine.Failed;
        });

    private static async Task SeedAsync(int count, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(services.GetRequiredService<TimeProvider>());
        var progress = new ImportProgressBar(console);
        var report = await Import(services).ImportDraftsAsync(DemoJobs.Generate(count, today), count, DemoJobs.Source, progress, cancellationToken);
        progress.Done();
        await SheetCommandLine.WriteReportAsync(report, console);
    }

    private static JobImport Import(IServiceProvider services) =>
        new(services.GetRequiredService<PingtangDb>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<JobImport>>());
}
