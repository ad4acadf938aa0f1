using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Tests.Jobs;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>A location sent in WeChat (发送位置) lists the open postings nearest to it, with their distance.</summary>
public sealed class WeChatLocationTests() : WeChatWorkerTest(safeMode: true)
{
    private const string OpenId = "oUser-location";

    [Fact]
    public async Task A_location_sent_in_WeChat_lists_the_nearest_postings_with_their_distance_and_one_is_applied_for()
    {
        await Postings.AddAsync(
            Host,
            JobDrafts.Factory with { ExternalId = "GZ-1", Title = "服装厂普工", City = "广州", District = "白云区", Station = Station.GuangzhouBaiyun },
            JobDrafts.Factory);

        var results = await WeChat.PostAsync(Location(22.981234, 114.021234));
        var detail = await WeChat.SendTextAsync(OpenId, "1");
        await WeChat.SendTextAsync(OpenId, JobTexts.Apply);
        var applied = await WeChat.SendTextAsync(OpenId, "13812345678");

        Assert.Contains("1. 电子厂普工 · 东莞市大朗镇 · 约9公里", results.Reply?.Content, StringComparison.Ordinal);
        Assert.Contains("2. 服装厂普工 · 广州市白云区 · 约79公里", results.Reply?.Content, StringComparison.Ordinal);
        Assert.StartsWith("【1】电子厂普工", detail.Reply?.Content, StringComparison.Ordinal);
        Assert.StartsWith("报名成功", applied.Reply?.Content, StringComparison.Ordinal);
        await using var scope = Host.Services.CreateAsyncScope();
        var application = await scope.ServiceProvider.GetRequiredService<PingtangDb>().JobApplications.Include(a => a.JobPosting).SingleAsync();
        Assert.Equal("GD-1", application.JobPosting!.ExternalId);
    }

    [Fact]
    public async Task A_location_off_the_globe_is_said_so_and_the_question_the_worker_was_asked_still_waits()
    {
        await Postings.AddAsync(Host, JobDrafts.Factory);
        await WeChat.SendTextAsync(OpenId, "岗位查询");

        var refused = await WeChat.PostAsync(Location(999, 114.02));
        var next = await WeChat.SendTextAsync(OpenId, "广东");

        Assert.Equal(JobTexts.LocationUnreadable, refused.Reply?.Content);
        Assert.StartsWith(JobTexts.AskTrade, next.Reply?.Content, StringComparison.Ordinal);
    }

    private string Location(double latitude, double longitude) =>
        Sent(OpenId, string.Create(CultureInfo.InvariantCulture, $"<MsgType>location</MsgType><Location_X>{latitude}</Location_X><Location_Y>{longitude}</Location_Y><Scale>15</Scale><Label><![CDATA[广东省东莞市常平镇]]></Label><MsgId>{WeChatServer.NextMsgId()}</MsgId>"));
}
