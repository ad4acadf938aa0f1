using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Sheets;
using Xunit.Abstractions;

namespace Pingtang.Domain.Tests.Sheets;

/// <summary>
/// Files of a few hundred KB that inflate to hundreds of MB, through the job import: each is refused with the limit
/// it breaks while allocating little. Read whole, the first took 3.3 GB and 15 s before this check.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class SheetMemoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Where the unbounded read allocated gigabytes.</summary>
    private const long MostAllocated = 64L * 1024 * 1024;

    private const long Enormous = 300_000_000;

    private TestDatabase _database = null!;

    public static TheoryData<string> Bombs => ["a shared string", "a shared string whose size lies", "an attribute"];

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_small_file_that_inflates_enormously_is_refused_allocating_little(string bomb)
    {
        var (file, refusal) = bomb switch
        {
            "a shared string" => (HandMadeXlsx.WithSharedString(Enormous), SheetTexts.CellTooLong),
            "a shared string whose size lies" => (HandMadeXlsx.DeclaringSize(HandMadeXlsx.WithSharedString(Enormous), "xl/sharedStrings.xml", 4_000_000_000), SheetTexts.CellTooLong),
            _ => (HandMadeXlsx.Build("", EndlessAttribute), SheetTexts.MarkupTooLong),
        };
        await using var db = _database.Open();
        var import = new JobImport(db, _database.Clock, NullLogger<JobImport>.Instance);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var report = await import.ImportFileAsync(new MemoryStream(file), "jobs.xlsx", progress: null, CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"{bomb}: {file.Length / 1024:N0} KB file, {allocated / 1024:N0} KB allocated");
        Assert.Equal(refusal, report.FileError);
        Assert.InRange(allocated, 0, MostAllocated);
        Assert.Equal(0, await db.JobPostings.CountAsync());
    }

    private static void EndlessAttribute(TextWriter writer)
    {
        writer.Write("<si a=\"");
        HandMadeXlsx.Repeat(writer, 'A', Enormous);
    }
}
