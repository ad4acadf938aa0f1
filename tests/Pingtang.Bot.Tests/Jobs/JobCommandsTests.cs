using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>The command lines run through the program's own dispatch, on a data folder of their own.</summary>
public sealed class JobCommandsTests : IDisposable
{
    private readonly Commands _commands = new();

    public void Dispose() => _commands.Dispose();

    [Fact]
    public async Task Import_jobs_imports_good_rows_and_lists_bad_ones_by_line_and_column()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var drafts = DemoJobs.Generate(3, today).ToList();
        var file = _commands.FilePath("白云站岗位.xlsx");
        await MiniExcel.SaveAsAsync(file, drafts.Select((d, i) => JobSheet.CellsOf(i == 1 ? d with { Title = "" } : d)));

        var result = await _commands.RunAsync("import-jobs", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("导入完成（白云站岗位.xlsx）：新增 2 条，更新 0 条，跳过 1 行（1 个问题）", result.Output, StringComparison.Ordinal);
        Assert.Contains("第 3 行「岗位名称」：不能为空", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Output);
        await using var db = _commands.OpenDatabase();
        Assert.Equal([drafts[0].ExternalId, drafts[2].ExternalId], await db.JobPostings.OrderBy(j => j.ExternalId).Select(j => j.ExternalId).ToListAsync());
    }

    [Fact]
    public async Task Import_jobs_of_a_missing_file_fails_with_a_clear_message()
    {
        var result = await _commands.RunAsync("import-jobs", Path.Combine(_commands.DataFolder, "没有这个文件.xlsx"));

        Assert.Equal(CommandLine.Failed, result.ExitCode);
        Assert.Contains("文件不存在", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_jobs_of_a_file_without_the_headers_fails_and_changes_nothing()
    {
        var file = _commands.FilePath("jobs.csv");
        await File.WriteAllTextAsync(file, "编号,名称\nA,B\n");

        var result = await _commands.RunAsync("import-jobs", file);

        Assert.Equal(CommandLine.Failed, result.ExitCode);
        Assert.Contains("缺少必需的列", result.Error, StringComparison.Ordinal);
        await using var db = _commands.OpenDatabase();
        Assert.Equal(0, await db.JobPostings.CountAsync());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("import-jobs")]
    [InlineData("import-jobs", "a.xlsx", "b.xlsx")]
    public async Task Unknown_commands_and_wrong_arguments_get_the_usage(params string[] args)
    {
        var result = await _commands.RunAsync(args);

        Assert.Equal(CommandLine.UsageError, result.ExitCode);
        Assert.Contains("用法：", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_commands.DataFolder, "pingtang.db")));
    }

    [Fact]
    public async Task Options_of_the_web_server_are_not_a_command() =>
        Assert.False(await CommandLine.TryRunAsync(["--urls", "http://127.0.0.1:0"], JobCommands.All));
}
