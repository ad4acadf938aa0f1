using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Tests.Sheets;
using Xunit.Abstractions;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// The outside test's finding, tried against the real host and the command line: a .xlsx of a few hundred KB whose
/// shared strings hold one string of 300 million characters. Read whole it grew the service by gigabytes; now it
/// is refused, naming the limit, while little is allocated.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class SpreadsheetBombTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Where the unbounded read allocated gigabytes.</summary>
    private const long MostAllocated = 64L * 1024 * 1024;

    private static readonly Lazy<byte[]> Bomb = new(() => HandMadeXlsx.WithSharedString(300_000_000));

    private readonly PingtangFactory _factory = new(SignedInStaff.Settings());

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(JobStaffEndpoints.Path)]
    [InlineData(TrainingStaffEndpoints.Path)]
    public async Task An_upload_that_inflates_to_300_million_characters_is_refused_allocating_little(string page)
    {
        using var staff = await SignedInStaff.SignInAsync(_factory);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await staff.UploadAsync($"{page}/import", Bomb.Value, "bomb.xlsx");
        var report = await response.Content.ReadAsStringAsync();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"{page}: {Bomb.Value.Length / 1024:N0} KB upload, {allocated / 1024:N0} KB allocated");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SheetTexts.CellTooLong, report, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, MostAllocated);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        Assert.Equal((0, 0), (await db.JobPostings.CountAsync(), await db.TrainingSessions.CountAsync()));
    }

    [Fact]
    public async Task The_commands_refuse_a_bomb_naming_the_limit()
    {
        using var commands = new Commands();
        var xlsx = commands.FilePath("bomb.xlsx");
        var csv = commands.FilePath("bomb.csv");
        await File.WriteAllBytesAsync(xlsx, Bomb.Value);
        await File.WriteAllTextAsync(csv, $"外部编号,课程\nPT-1,\"{new string('长', 10_000_000)}", Encoding.UTF8);

        var jobs = await commands.RunAsync("import-jobs", xlsx);
        var sessions = await commands.RunAsync("import-sessions", csv);

        Assert.Equal((CommandLine.Failed, CommandLine.Failed), (jobs.ExitCode, sessions.ExitCode));
        Assert.Contains(SheetTexts.CellTooLong, jobs.Error, StringComparison.Ordinal);
        Assert.Contains(SheetTexts.CellTooLong, sessions.Error, StringComparison.Ordinal);
    }
}
