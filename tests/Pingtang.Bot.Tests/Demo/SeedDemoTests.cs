using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Demo;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Tests.Demo;

/// <summary>seed-demo run through the program's own dispatch, on a data folder of its own, and its parts alone.</summary>
public sealed class SeedDemoTests : IDisposable
{
    private readonly Commands _commands = new();

    public void Dispose() => _commands.Dispose();

    [Fact]
    public async Task Seed_demo_runs_the_part_of_every_feature_and_a_second_run_updates_them_all()
    {
        var sessions = DemoSessions.Generate(ChinaTime.Today(TimeProvider.System)).Count();

        var first = await _commands.RunAsync("seed-demo", "--jobs", "10");
        var second = await _commands.RunAsync("seed-demo", "--jobs", "10");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("导入完成（演示数据）：新增 10 条，更新 0 条，跳过 0 行", first.Output, StringComparison.Ordinal);
        Assert.Contains($"导入完成（演示培训班）：新增 {sessions} 条，更新 0 条，跳过 0 行", first.Output, StringComparison.Ordinal);
        Assert.Contains("导入完成（演示数据）：新增 0 条，更新 10 条，跳过 0 行", second.Output, StringComparison.Ordinal);
        Assert.Contains($"导入完成（演示培训班）：新增 0 条，更新 {sessions} 条，跳过 0 行", second.Output, StringComparison.Ordinal);
        await using var db = _commands.OpenDatabase();
        Assert.Equal((10, sessions), (await db.JobPostings.CountAsync(), await db.TrainingSessions.CountAsync()));
    }

    [Fact]
    public async Task Seed_demo_migrates_the_database_adds_postings_and_a_second_run_updates_them()
    {
        var first = await _commands.RunAsync("seed-demo", "--jobs", "1500");
        var second = await _commands.RunAsync("seed-demo", "--jobs=1500");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("新增 1,500 条，更新 0 条，跳过 0 行", first.Output, StringComparison.Ordinal);
        Assert.Contains("100%  已读 1,500 行", first.Output, StringComparison.Ordinal);
        Assert.Contains("新增 0 条，更新 1,500 条", second.Output, StringComparison.Ordinal);
        await using var db = _commands.OpenDatabase();
        Assert.Equal(1500, await db.JobPostings.CountAsync());
    }

    [Fact]
    public async Task Seed_demo_adds_upcoming_sessions_of_every_course_once()
    {
        await _commands.RunAsync("seed-demo", "--jobs", "10");
        await _commands.RunAsync("seed-demo", "--jobs", "10");

        await using var db = _commands.OpenDatabase();
        var courses = await db.TrainingSessions.Select(s => s.CourseId).Distinct().CountAsync();
        Assert.Equal(Course.Catalogue.Count, courses);
        Assert.Equal(DemoSessions.Generate(ChinaTime.Today(TimeProvider.System)).Count(), await db.TrainingSessions.CountAsync());
    }

    [Fact]
    public async Task Seed_demo_without_a_count_makes_the_default_number()
    {
        var result = await _commands.RunAsync("seed-demo");

        Assert.Equal(0, result.ExitCode);
        await using var db = _commands.OpenDatabase();
        Assert.Equal(JobCommands.DefaultDemoJobs, await db.JobPostings.CountAsync());
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--jobs", "很多")]
    [InlineData("--job", "5")]
    [InlineData("--jobs")]
    [InlineData("--jobs", "5", "--jobs=6")]
    [InlineData("5")]
    public async Task Wrong_arguments_get_the_usage_and_touch_no_database(params string[] args)
    {
        var result = await _commands.RunAsync(["seed-demo", .. args]);

        Assert.Equal(CommandLine.UsageError, result.ExitCode);
        Assert.Contains("用法：", result.Error, StringComparison.Ordinal);
        Assert.Contains("seed-demo [--jobs N]        生成 N 条演示岗位（默认 2000）、每门课程的近期培训班、春节后的返岗班次（专车、专列、自驾车队）和每个站点的几条快捷回复，再次运行会更新而不是重复", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_commands.DataFolder, "pingtang.db")));
    }

    [Theory]
    [InlineData(new string[0], "a:1 b:0 c:7")]
    [InlineData(new[] { "--c", "3" }, "a:1 b:0 c:3")]
    [InlineData(new[] { "--c=3", "--a", "2" }, "a:2 b:0 c:3")]
    public async Task Parts_run_in_the_order_given_each_with_its_own_count(string[] args, string ran)
    {
        var runs = new List<string>();
        DemoSeed Part(string name, DemoCount? count) => new(name, count, (n, _, _, _) =>
        {
            runs.Add($"{name}:{n}");
            return Task.CompletedTask;
        });
        var command = SeedDemoCommand.For(Part("a", new("a", 1, 5)), Part("b", null), Part("c", new("c", 7, 9)));

        using var services = new ServiceCollection().BuildServiceProvider();
        var exitCode = await command.Bind(args)!(services, new CommandConsole(TextWriter.Null, TextWriter.Null, IsTerminal: false), CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal(ran, string.Join(' ', runs));
        Assert.StartsWith("seed-demo [--a N] [--c N]   生成 a、b和c", command.Usage, StringComparison.Ordinal);
        Assert.Null(command.Bind(["--c", "10"]));
    }
}
