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
/// <c>dotnet run -c Release --project tests/Pingtang.Benchmarks -- [search] [--jobs 50000] [--runs 300]</c>: the job
/// search as the dialog runs it against the bare SQL it sends. Exits 1 when a search misses its targets.
/// </summary>
internal static class SearchCommand
{
    public const string Name = "search";

    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = Options.Int(args, "--jobs", 50_000);
        var runs = Options.Int(args, "--runs", 300);
        var folder = Directory.CreateTempSubdirectory("pingtang-benchmark-").FullName;
        try
        {
            // The service's own data set-up and job search, as the dialog resolves them for each message.
            var builder = WebApplication.CreateBuilder([$"--Storage:DataFolder={folder}"]);
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<SqlRecorder>();
            builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlRecorder>());
            builder.AddPingtangData();
            builder.AddJobs();
            await using var app = builder.Build();
            await new DatabaseMigrator(app.Services.GetRequiredService<IServiceScopeFactory>()).MigrateAsync(CancellationToken.None);

            Console.WriteLine($"Generating and importing {jobs:N0} demo postings (seed-demo's generator and import)…");
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var drafts = DemoJobs.Generate(jobs, ChinaTime.Today(TimeProvider.System));
                var report = await scope.ServiceProvider.GetRequiredService<JobImport>().ImportDraftsAsync(drafts, jobs, DemoJobs.Source, progress: null, CancellationToken.None);
                Console.WriteLine($"Imported {report.Added:N0}.");
            }

            Console.WriteLine($"Each search {runs} times, alternating with its bare SQL (ms; KB allocated per search):");
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0,-4} {1,-26} {2,7} {3,8} {4,8} {5,8} {6,8} {7,6} {8,6} {9,8} {10,8}",
                "类", "查询", "结果数", "ours p50", "ours p99", "SQL p50", "SQL p99", "×p50", "×p99", "ours KB", "SQL KB"));
            var connectionString = $"Data Source={app.Services.GetRequiredService<DataFolder>().File("pingtang.db")}";
            var results = await new SearchBenchmark(app.Services, connectionString).RunAsync(runs, CancellationToken.None);
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
    }
}
