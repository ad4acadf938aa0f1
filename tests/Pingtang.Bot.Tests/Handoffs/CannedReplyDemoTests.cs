using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Handoffs;

public sealed class CannedReplyDemoTests : IDisposable
{
    private readonly Commands _commands = new();

    public void Dispose() => _commands.Dispose();

    [Fact]
    public async Task Seed_demo_gives_every_station_its_replies_once()
    {
        var first = await _commands.RunAsync("seed-demo", "--jobs", "1");
        var second = await _commands.RunAsync("seed-demo", "--jobs", "1");

        var perStation = CannedReplyTexts.DemoReplies("").Count;
        Assert.Contains($"快捷回复（演示数据）：新增 {3 * perStation} 条", first.Output, StringComparison.Ordinal);
        Assert.Contains("快捷回复（演示数据）：新增 0 条", second.Output, StringComparison.Ordinal);
        await using var db = _commands.OpenDatabase();
        Assert.Equal(3 * perStation, await db.CannedReplies.CountAsync());
        Assert.True(await db.CannedReplies.AnyAsync(r => r.StationId == 2 && r.Text == "您好，我是白云站工作人员，请把欠条拍照发给我。"));
    }
}
