using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;

namespace Pingtang.Bot.Tests.Training;

/// <summary>Two workers on their phones: one takes the last seat, one waits, the first cancels, the second is told.</summary>
public sealed class TrainingPageTests
{
    [Fact]
    public async Task A_worker_enrols_cancels_in_my_enrolments_and_the_waiting_worker_is_told_on_their_phone()
    {
        // The outbox's own sender tells the waiting worker, at whatever hour the test runs.
        await using var host = LiveHost.Start(new() { ["Outbox:Enabled"] = "true", ["Outbox:QuietHours"] = "0:00-0:00" });
        var today = ChinaTime.Today(TimeProvider.System);
        await Sessions.PlanAsync(host.Factory, "电工", Sessions.Welding with
        {
            Seats = 1,
            StartsOn = today.AddDays(10),
            EndsOn = today.AddDays(20),
            EnrolBy = today.AddDays(8),
        });
        await using var first = await Phone.OpenAsync(host.BaseUrl + "/", "webchat-training-first.png");
        await using var second = await Phone.OpenAsync(host.BaseUrl + "/", "webchat-training-second.png");

        await EnrolAsync(first, "王师傅", "13812345678", TrainingTexts.Confirm);
        await first.SeesAsync("报名成功");
        await EnrolAsync(second, "李姐", "13912345678", "第1位");
        await second.SeesAsync("已为您排上候补，第1位");

        await first.TypeAsync(TrainingTexts.MyEnrolments);
        await first.SeesAsync(TrainingTexts.PickToCancel);
        await first.TypeAsync("1");
        await first.SeesAsync("确定取消");
        await first.TapAsync("是");
        await first.SeesAsync(TrainingTexts.Cancelled);

        await second.SeesAsync("好消息！您候补的「电工」有名额了");
    }

    private static async Task EnrolAsync(Phone phone, string name, string mobile, string question)
    {
        await phone.SeesAsync("您好");
        await phone.TapAsync("培训报名");
        await phone.SeesAsync(TrainingTexts.AskCourse);
        await phone.TapAsync("电工（1期）");
        await phone.SeesAsync("开班 · 平塘县公共实训基地");
        await phone.TypeAsync("1");
        await phone.SeesAsync(question);
        await phone.TapAsync("是");
        await phone.SeesAsync(TrainingTexts.AskName);
        await phone.TypeAsync(name);
        await phone.SeesAsync(TrainingTexts.AskMobile);
        await phone.TypeAsync(mobile);
    }
}
