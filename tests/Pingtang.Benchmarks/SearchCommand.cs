using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Jobs;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;

namespace Pingtang.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Pingtang.Benchmarks -- [search] [--jobs 50000] [--runs 300] [--postgres "Host=…;Username=…"]</c>:
/// the job search as the dialog runs it against the bare SQL it sends, on SQLite or (<c>--postgres</c>, a server on
/// which a database of its own is made and dropped) on PostgreSQL. Exits 1 when a search misses its targets.
/// </summary>
internal static class SearchCommand
{
    public const string Name = "search";

    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = Options.Int(args, "--jobs", 50_000);
        var runs = Options.Int(args, "--runs", 300);
        var folder = Directory.CreateTempSubdirectory("pingtang-benchmark-").FullName;
        var postgres = await BenchmarkDatabase.CreateAsync(Options.Text(args, "--postgres"));
        try
        {
            // The service's own data set-up and job search, as the dialog resolves them for each message.
            var builder = WebApplication.CreateBuilder(BenchmarkDatabase.StorageArguments(postgres, folder));
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<SqlRecorder>();
            builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlRecorder>());
            builder.AddPingtangData();
            builder.AddJobs();
            await using var app = builder.Build();
            await ActivatorUtilities.CreateInstance<DatabaseMigrator>(app.Services).MigrateAsync(CancellationToken.None);

            Console.WriteLine($"Generating and importing {jobs:N0} demo postings (seed-demo's generator and import)…");
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var drafts = DemoJobs.Generate(jobs, ChinaTime.Today(TimeProvider.System));
                var report = await scope.ServiceProvider.GetRequiredService<JobImport>().ImportDraftsAsync(drafts, jobs, DemoJobs.Source, progress: null, CancellationToken.None);
                Console.WriteLine($"Imported {report.Added:N0}.");
            }

            Console.WriteLine($"Each search {runs} times on {(postgres is null ? "SQLite" : "PostgreSQL")}, alternating with its bare SQL (ms; KB allocated per search):");
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0,-4} {1,-26} {2,7} {3,8} {4,8} {5,8} {6,8} {7,6} {8,6} {9,8} {10,8}",
                "类", "查询", "结果数", "ours p50", "ours p99", "SQL p50", "SQL p99", "×p50", "×p99", "ours KB", "SQL KB"));
            var results = await new SearchBenchmark(app.Services, app.Services.GetRequiredService<Database>()).RunAsync(runs, CancellationToken.None);
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
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }
}
