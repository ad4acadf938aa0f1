using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pingtang.Benchmarks;
using Pingtang.Domain;

// dotnet run -c Release --project tests/Pingtang.Benchmarks -- [--jobs 50000] [--runs 300]
var jobs = Option("--jobs", 50_000);
var runs = Option("--runs", 300);
var folder = Directory.CreateTempSubdirectory("pingtang-benchmark-").FullName;
var connectionString = $"Data Source={Path.Combine(folder, "pingtang.db")}";
try
{
    var time = TimeProvider.System;
    await using (var db = new PingtangDb(new DbContextOptionsBuilder<PingtangDb>().UseSqlite(connectionString).Options))
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    Console.WriteLine($"Generating and importing {jobs:N0} demo postings…");
    await DemoData.SeedAsync(connectionString, jobs, time);

    Console.WriteLine($"Each search {runs} times, alternating with its bare SQL (ms; KB allocated per search):");
    Console.WriteLine(string.Format(
        CultureInfo.InvariantCulture,
        "{0,-4} {1,-26} {2,7} {3,8} {4,8} {5,8} {6,8} {7,6} {8,6} {9,8} {10,8}",
        "类", "查询", "结果数", "ours p50", "ours p99", "SQL p50", "SQL p99", "×p50", "×p99", "ours KB", "SQL KB"));
    var results = await new SearchBenchmark(connectionString, time).RunAsync(runs, CancellationToken.None);
    foreach (var result in results)
    {
        Console.WriteLine(result.Row());
    }

    var missed = results.Count(r => !r.MeetsTargets);
    Console.WriteLine(missed == 0
        ? $"All {results.Count} searches meet the targets: p99 < {SearchBenchmark.P99TargetMs} ms and ratio < {SearchBenchmark.RatioTarget}."
        : $"{missed} of {results.Count} searches miss the targets (p99 < {SearchBenchmark.P99TargetMs} ms, ratio < {SearchBenchmark.RatioTarget}).");
    return missed == 0 ? 0 : 1;
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
