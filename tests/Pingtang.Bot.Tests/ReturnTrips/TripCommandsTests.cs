using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain.ReturnTrips;

namespace Pingtang.Bot.Tests.ReturnTrips;

/// <summary>The return trips' command line: import-trips FILE, and its part of seed-demo.</summary>
public sealed class TripCommandsTests : IDisposable
{
    private readonly Commands _commands = new();

    public void Dispose() => _commands.Dispose();

    [Fact]
    public async Task Seed_demo_plans_the_spring_festival_departures_once_and_a_second_run_updates_them()
    {
        var first = await _commands.RunAsync("seed-demo", "--jobs", "1");
        var second = await _commands.RunAsync("seed-demo", "--jobs", "1");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("导入完成（演示返岗班次）：新增 4 条，更新 0 条，跳过 0 行", first.Output, StringComparison.Ordinal);
        Assert.Contains("导入完成（演示返岗班次）：新增 0 条，更新 4 条，跳过 0 行", second.Output, StringComparison.Ordinal);
        await using var db = _commands.OpenDatabase();
        var trips = await db.ReturnTrips.Include(t => t.PickupPoints).OrderBy(t => t.ExternalId).ToListAsync();
        Assert.Equal(["2月11日（正月初六）07:30 返岗专车 → 广州", "2月11日（正月初六）08:00 返岗专车 → 东莞", "2月13日（正月初八）10:20 专列 → 深圳", "2月14日（正月初九）06:00 自驾车队 → 宁波"], trips.Select(t => t.Title));
        Assert.Equal([3, 3, 2, 2], trips.Select(t => t.PickupPoints.Count));
        Assert.Equal([2, 3, 1, 1], trips.Select(t => t.StationId));
    }

    [Fact]
    public async Task Import_trips_loads_the_sample_sheet_of_the_docs()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "return-trips-sample.csv");

        var result = await _commands.RunAsync("import-trips", sample);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("新增 2 条，更新 0 条，跳过 0 行", result.Output, StringComparison.Ordinal);
        await using var db = _commands.OpenDatabase();
        Assert.Equal(5, await db.Set<PickupPoint>().CountAsync());
    }
}
