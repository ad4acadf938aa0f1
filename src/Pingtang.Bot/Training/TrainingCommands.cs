using Pingtang.Bot.Demo;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Sheets;
using Pingtang.Domain;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>
/// The training feature's command line: <c>import-sessions FILE</c> loads the county's session sheet, and its part of
/// <c>seed-demo</c> plans demo sessions. Reports read like the job import's.
/// </summary>
public static class TrainingCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("import-sessions", "import-sessions FILE        导入培训班表（.xlsx 或 UTF-8 .csv），按外部编号新增或更新", args =>
            args is [var file] && !file.StartsWith('-') ? (services, console, ct) => ImportAsync(file, services, console, ct) : null),
    ];

    /// <summary>Upcoming demo sessions of every course for <c>seed-demo</c>, updated in place by a second run.</summary>
    public static DemoSeed Demo { get; } = new("每门课程的近期培训班", Count: null, (_, services, console, ct) => SeedDemoAsync(services, console, ct));

    private static async Task SeedDemoAsync(IServiceProvider services, CommandConsole console, CancellationToken cancellationToken)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var result = await Import(services).ImportRowsAsync(DemoSessions.Generate(ChinaTime.Today(time)), DemoSessions.Source, cancellationToken);
        await SheetCommandLine.WriteReportAsync(result.Report with { Source = TrainingCommandTexts.DemoSource }, console);
    }

    private static Task<int> ImportAsync(string file, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken) =>
        SheetCommandLine.WithFileAsync(file, console, async (stream, path) =>
        {
            var result = await Import(services).ImportFileAsync(stream, path, cancellationToken);
            await SheetCommandLine.WriteReportAsync(result.Report, console);
            if (result.MovedSessions.Count > 0)
            {
                await console.Out.WriteLineAsync(string.Format(TrainingCommandTexts.MovedNote, result.MovedSessions.Count));
            }

            return result.Report.FileError is null ? 0 : CommandLine.Failed;
        });

    private static TrainingSessionImport Import(IServiceProvider services) =>
        new(services.GetRequiredService<PingtangDb>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<TrainingSessionImport>>());
}

internal static class TrainingCommandTexts
{
    public const string DemoSource = "演示培训班";

    /// <summary>{0} how many sessions.</summary>
    public const string MovedNote = "有 {0} 期培训的地点或时间变了：给学员的通知已排入发送队列，服务运行时几秒内发出。";
}
