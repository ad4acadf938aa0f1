using Pingtang.Bot.Demo;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Sheets;
using Pingtang.Domain;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>
/// The return trips' command line: <c>import-trips FILE</c> loads the county's departure sheet, and its part of
/// <c>seed-demo</c> plans the demo departures. Reports read like the other imports'.
/// </summary>
public static class TripCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("import-trips", "import-trips FILE           导入返岗班次表（.xlsx 或 UTF-8 .csv），按外部编号新增或更新", args =>
            args is [var file] && !file.StartsWith('-') ? (services, console, ct) => ImportAsync(file, services, console, ct) : null),
    ];

    /// <summary>Demo departures around 春节 2027 for <c>seed-demo</c>, updated in place by a second run.</summary>
    public static DemoSeed Demo { get; } = new("春节后的返岗班次（专车、专列、自驾车队）", Count: null, (_, services, console, ct) => SeedDemoAsync(services, console, ct));

    private static async Task SeedDemoAsync(IServiceProvider services, CommandConsole console, CancellationToken cancellationToken)
    {
        var report = await Import(services).ImportLinesAsync(DemoTrips.Lines(), DemoTrips.Source, cancellationToken);
        await SheetCommandLine.WriteReportAsync(report with { Source = TripCommandTexts.DemoSource }, console);
    }

    private static Task<int> ImportAsync(string file, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken) =>
        SheetCommandLine.WithFileAsync(file, console, async (stream, path) =>
        {
            var report = await Import(services).ImportFileAsync(stream, path, cancellationToken);
            await SheetCommandLine.WriteReportAsync(report, console);
            return report.FileError is null ? 0 : CommandLine.Failed;
        });

    /// <summary>The command line has the data services only: the import is made by hand, as the training one is.</summary>
    private static ReturnTripImport Import(IServiceProvider services)
    {
        var db = services.GetRequiredService<PingtangDb>();
        var time = services.GetRequiredService<TimeProvider>();
        var bookings = new TripBookings(db, time, new NoIdNumbers());
        return new(db, time, new TripChanges(db, time, bookings), services.GetRequiredService<ILogger<ReturnTripImport>>());
    }

    /// <summary>
    /// An import plans and changes departures and promotes waiting bookings; it never signs anyone up, so it never
    /// protects or reads an ID number, and the command line has no Data Protection keys to do so with.
    /// </summary>
    private sealed class NoIdNumbers : IIdNumberProtector
    {
        public string Protect(string idNumber) => throw new InvalidOperationException("The departure import never protects ID numbers.");

        public string Unprotect(string protectedIdNumber) => throw new InvalidOperationException("The departure import never reads ID numbers.");
    }
}

internal static class TripCommandTexts
{
    public const string DemoSource = "演示返岗班次";
}
