using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>The command lines run through the program's own dispatch, on a data folder of their own.</summary>
public sealed class JobCommandsTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Seed_demo_migrates_the_database_adds_postings_and_a_second_run_updates_them()
    {
        var first = await RunAsync("seed-demo", "--jobs", "1500");
        var second = await RunAsync("seed-demo", "--jobs=1500");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("新增 1,500 条，更新 0 条，跳过 0 行", first.Output, StringComparison.Ordinal);
        Assert.Contains("100%  已读 1,500 行", first.Output, StringComparison.Ordinal);
        Assert.Contains("新增 0 条，更新 1,500 条", second.Output, StringComparison.Ordinal);
        await using var db = OpenDatabase();
        Assert.Equal(1500, await db.JobPostings.CountAsync());
    }

    [Fact]
    public async Task Seed_demo_adds_upcoming_sessions_of_every_course_once()
    {
        await RunAsync("seed-demo", "--jobs", "10");
        await RunAsync("seed-demo", "--jobs", "10");

        await using var db = OpenDatabase();
        var courses = await db.TrainingSessions.Select(s => s.CourseId).Distinct().CountAsync();
        Assert.Equal(Course.Catalogue.Count, courses);
        Assert.Equal(DemoSessions.Generate(ChinaTime.Today(TimeProvider.System)).Count(), await db.TrainingSessions.CountAsync());
    }

    [Fact]
    public async Task Import_sessions_adds_good_rows_skips_bad_ones_and_updates_on_reimport()
    {
        var rows = DemoSessions.Generate(ChinaTime.Today(TimeProvider.System)).Take(4).ToList();
        var file = Path.Combine(Directory.CreateDirectory(_dataFolder).FullName, "培训班.xlsx");
        await MiniExcel.SaveAsAsync(file, rows.Select((r, i) => i switch
        {
            1 => r with { Course = "厨师" },
            3 => r with { Details = r.Details with { EndsOn = r.Details.StartsOn.AddDays(-1) } },
            _ => r,
        }).Select(r => r.Cells()));

        var first = await RunAsync("import-sessions", file);
        File.Delete(file);
        await MiniExcel.SaveAsAsync(file, new[] { (rows[0] with { Details = rows[0].Details with { Seats = 40 } }).Cells() });
        var second = await RunAsync("import-sessions", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("新增 2 条，更新 0 条，跳过 2 行（2 个问题）", first.Output, StringComparison.Ordinal);
        Assert.Contains("第 3 行「课程」：「厨师」不是开设的课程", first.Output, StringComparison.Ordinal);
        Assert.Contains("第 5 行「结业日期」：结束日期早于开始日期", first.Output, StringComparison.Ordinal);
        Assert.Contains("新增 0 条，更新 1 条", second.Output, StringComparison.Ordinal);
        await using var db = OpenDatabase();
        Assert.Equal(40, await db.TrainingSessions.Where(s => s.ExternalId == rows[0].ExternalId).Select(s => s.Seats).SingleAsync());
    }

    [Fact]
    public async Task Seed_demo_without_a_count_makes_the_default_number()
    {
        var result = await RunAsync("seed-demo");

        Assert.Equal(0, result.ExitCode);
        await using var db = OpenDatabase();
        Assert.Equal(JobCommands.DefaultDemoJobs, await db.JobPostings.CountAsync());
    }

    [Fact]
    public async Task Import_jobs_imports_good_rows_and_lists_bad_ones_by_line_and_column()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var drafts = DemoJobs.Generate(3, today).ToList();
        var file = Path.Combine(Directory.CreateDirectory(_dataFolder).FullName, "白云站岗位.xlsx");
        await MiniExcel.SaveAsAsync(file, drafts.Select((d, i) => JobSheet.CellsOf(i == 1 ? d with { Title = "" } : d)));

        var result = await RunAsync("import-jobs", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("导入完成（白云站岗位.xlsx）：新增 2 条，更新 0 条，跳过 1 行（1 个问题）", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 3 行「岗位名称」：不能为空", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Output);
        await using var db = OpenDatabase();
        Assert.Equal([drafts[0].ExternalId, drafts[2].ExternalId], await db.JobPostings.OrderBy(j => j.ExternalId).Select(j => j.ExternalId).ToListAsync());
    }

    [Fact]
    public async Task Import_jobs_of_a_missing_file_fails_with_a_clear_message()
    {
        var result = await RunAsync("import-jobs", Path.Combine(_dataFolder, "没有这个文件.xlsx"));

        Assert.Equal(CommandLine.Failed, result.ExitCode);
        Assert.Contains("文件不存在", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_jobs_of_a_file_without_the_headers_fails_and_changes_nothing()
    {
        var file = Path.Combine(Directory.CreateDirectory(_dataFolder).FullName, "jobs.csv");
        await File.WriteAllTextAsync(file, "编号,名称\nA,B\n");

        var result = await RunAsync("import-jobs", file);

        Assert.Equal(CommandLine.Failed, result.ExitCode);
        Assert.Contains("缺少必需的列", result.Error, StringComparison.Ordinal);
        await using var db = OpenDatabase();
        Assert.Equal(0, await db.JobPostings.CountAsync());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("seed-demo", "--jobs", "0")]
    [InlineData("seed-demo", "--jobs", "很多")]
    [InlineData("seed-demo", "--job", "5")]
    [InlineData("import-jobs")]
    [InlineData("import-jobs", "a.xlsx", "b.xlsx")]
    public async Task Unknown_commands_and_wrong_arguments_get_the_usage(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(CommandLine.UsageError, result.ExitCode);
        Assert.Contains("用法：", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataFolder, "pingtang.db")));
    }

    [Fact]
    public async Task Options_of_the_web_server_are_not_a_command() =>
        Assert.False(await CommandLine.TryRunAsync(["--urls", "http://127.0.0.1:0"], JobCommands.All));

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => new Commands(_dataFolder).RunAsync(args);

    private PingtangDb OpenDatabase() =>
        new(new DbContextOptionsBuilder<PingtangDb>().UseSqlite($"Data Source={Path.Combine(_dataFolder, "pingtang.db")}").Options);
}
