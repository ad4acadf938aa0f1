using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Tests.Training;

/// <summary>import-sessions run through the program's own dispatch, on a data folder of its own.</summary>
public sealed class TrainingCommandsTests : IDisposable
{
    private readonly Commands _commands = new();

    public void Dispose() => _commands.Dispose();

    [Fact]
    public async Task Import_sessions_adds_good_rows_skips_bad_ones_and_updates_on_reimport()
    {
        var rows = DemoSessions.Generate(ChinaTime.Today(TimeProvider.System)).Take(4).ToList();
        var file = _commands.FilePath("培训班.xlsx");
        await MiniExcel.SaveAsAsync(file, rows.Select((r, i) => i switch
        {
            1 => r with { Course = "厨师" },
            3 => r with { Details = r.Details with { EndsOn = r.Details.StartsOn.AddDays(-1) } },
            _ => r,
        }).Select(r => r.Cells()));

        var first = await _commands.RunAsync("import-sessions", file);
        File.Delete(file);
        await MiniExcel.SaveAsAsync(file, new[] { (rows[0] with { Details = rows[0].Details with { Seats = 40 } }).Cells() });
        var second = await _commands.RunAsync("import-sessions", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("新增 2 条，更新 0 条，跳过 2 行（2 个问题）", first.Output, StringComparison.Ordinal);
        Assert.Contains("第 3 行「课程」：「厨师」不是开设的课程", first.Output, StringComparison.Ordinal);
        Assert.Contains("第 5 行「结业日期」：结束日期早于开始日期", first.Output, StringComparison.Ordinal);
        Assert.Contains("新增 0 条，更新 1 条", second.Output, StringComparison.Ordinal);
        await using var db = _commands.OpenDatabase();
        Assert.Equal(40, await db.TrainingSessions.Where(s => s.ExternalId == rows[0].ExternalId).Select(s => s.Seats).SingleAsync());
    }
}
