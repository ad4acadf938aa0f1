using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain.Tests.Jobs;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>A location sent in WeChat (发送位置) offers the open postings of the nearest place that has some.</summary>
public sealed class WeChatLocationTests() : WeChatWorkerTest(safeMode: true)
{
    private const string OpenId = "oUser-location";

    [Fact]
    public async Task A_location_sent_in_WeChat_lists_the_nearest_postings_after_the_distance()
    {
        await Postings.AddAsync(Host, JobDrafts.Factory);

        var answer = await WeChat.PostAsync(
            $"<xml><ToUserName>{WeChatServer.Account}</ToUserName><FromUserName>{OpenId}</FromUserName><CreateTime>{Clock.GetUtcNow().ToUnixTimeSeconds()}</CreateTime>"
            + $"<MsgType>location</MsgType><Location_X>22.981234</Location_X><Location_Y>114.021234</Location_Y><Scale>15</Scale><Label><![CDATA[广东省东莞市常平镇]]></Label><MsgId>{WeChatServer.NextMsgId()}</MsgId></xml>");
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Host.SendDueAsync();

        Assert.Equal(DialogTexts.Format(JobTexts.NearestPlace, "东莞市大朗镇", 9), answer.Reply?.Content);
        var results = Assert.Single(Api.SentTo(OpenId)).Text;
        Assert.Contains("1. 电子厂普工 · 东莞市大朗镇", results, StringComparison.Ordinal);
    }
}
