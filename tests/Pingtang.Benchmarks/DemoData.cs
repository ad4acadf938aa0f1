using Microsoft.EntityFrameworkCore;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;

namespace Pingtang.Benchmarks;

/// <summary>The postings <c>seed-demo</c> makes, through the same import path, so the benchmark searches realistic data.</summary>
public static class DemoData
{
    public static async Task SeedAsync(string connectionString, int count, TimeProvider time)
    {
        await using var db = new PingtangDb(new DbContextOptionsBuilder<PingtangDb>().UseSqlite(connectionString).Options);
        var drafts = DemoJobs.Generate(count, ChinaTime.Today(time));
        var report = await new JobImport(db, time).ImportDraftsAsync(drafts, count, DemoJobs.Source, progress: null, CancellationToken.None);
        if (report.Added != count)
        {
            throw new InvalidOperationException($"Expected {count} demo postings, imported {report.Added} ({report.ProblemCount} problems).");
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;");
    }
}
