using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Training;

public sealed class TrainingDialogTests : IDisposable
{
    private readonly RecordingChannel _channel = new();
    private readonly PingtangFactory _factory;

    public TrainingDialogTests() =>
        _factory = new PingtangFactory(clock: new FakeTimeProvider(TestClock.Now), services: s => s.AddSingleton<IProactiveChannel>(_channel));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task New_worker_enrols_giving_name_and_phone_inline_and_sees_it_in_my_enrolments()
    {
        await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding);
        await Sessions.PlanAsync(_factory, "电工", Sessions.Welding with { Place = "广州市白云区技师学院" });

        await Conversation.Start(_factory)
            .Send("培训报名").Expect(TrainingTexts.AskCourse, "1. 焊工（1期）", "2. 电工（1期）", "3. 我的报名")
            .Send("焊工").Expect(DialogTexts.Format(TrainingTexts.AskSession, "焊工"), "1. 12月10日开班 · 平塘县公共实训基地 · 剩30个名额")
            .Send("1").Expect("【焊工】", "时间：12月10日至12月24日，每天 8:30-17:30", "费用：免费（政府补贴）", "报名截止：12月8日", "需带：身份证、一寸照片2张", TrainingTexts.Confirm)
            .Send("是").Expect(TrainingTexts.AskName)
            .Send("王师傅").Expect(TrainingTexts.AskMobile)
            .Send("13812345678").Expect("报名成功！确认码：", "地点：平塘县公共实训基地")
            .Expect(MenuTexts.AnythingElse)
            .Send("我的报名").Expect(TrainingTexts.PickToCancel, "1. 焊工 · 12月10日开班 · 平塘县公共实训基地 · 已确认（确认码")
            .Send("菜单").Expect(MenuTexts.Choose)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var worker = await db.Workers.SingleAsync();
        Assert.Equal(("王师傅", "13812345678"), (worker.Name, worker.Mobile));
        Assert.Equal(EnrolmentStatus.Confirmed, (await db.Enrolments.SingleAsync()).Status);
    }

    [Fact]
    public async Task Full_session_offers_the_waiting_list_and_a_cancellation_promotes_and_tells_the_first_waiting()
    {
        await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding with { Seats = 1 });
        await EnrolAsync("worker-1", TrainingTexts.Confirm, "报名成功");
        await EnrolAsync("worker-2", DialogTexts.Format(TrainingTexts.ConfirmWaiting, 1), "已为您排上候补，第1位");
        await EnrolAsync("worker-3", DialogTexts.Format(TrainingTexts.ConfirmWaiting, 2), "已为您排上候补，第2位");

        await Conversation.Start(_factory, "worker-3")
            .Send("我的报名").Expect("候补第2位")
            .StartTestAsync();
        await Conversation.Start(_factory, "worker-1")
            .Send("我的报名").Expect("1. 焊工 · 12月10日开班 · 平塘县公共实训基地 · 已确认")
            .Send("1").Expect(DialogTexts.Format(TrainingTexts.ConfirmCancel, "焊工 12月10日开班"))
            .Send("是").Expect(TrainingTexts.Cancelled)
            .Expect(MenuTexts.AnythingElse)
            .Send("我的报名").Expect(TrainingTexts.NoEnrolments)
            .StartTestAsync();
        await _factory.SendDueAsync();

        var told = Assert.Single(_channel.Texts);
        Assert.StartsWith("好消息！您候补的「焊工」有名额了", told, StringComparison.Ordinal);
        await Conversation.Start(_factory, "worker-2").Send("我的报名").Expect("已确认").StartTestAsync();
        await Conversation.Start(_factory, "worker-3").Send("我的报名").Expect("候补第1位").StartTestAsync();
    }

    [Fact]
    public async Task A_promoted_worker_whose_channel_is_down_is_told_once_it_is_back()
    {
        await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding with { Seats = 1 });
        await EnrolAsync("worker-1", TrainingTexts.Confirm, "报名成功");
        await EnrolAsync("worker-2", DialogTexts.Format(TrainingTexts.ConfirmWaiting, 1), "已为您排上候补，第1位");
        _channel.Broken = true;

        await Conversation.Start(_factory, "worker-1")
            .Send("我的报名").Expect(TrainingTexts.PickToCancel)
            .Send("1").Expect("确定取消")
            .Send("是").Expect(TrainingTexts.Cancelled)
            .StartTestAsync();
        await _factory.SendDueAsync();
        Assert.Empty(_channel.Texts);

        _channel.Broken = false;
        await _factory.SendDueAsync();
        Assert.Empty(_channel.Texts);
        ((FakeTimeProvider)_factory.Clock!).Advance(Pingtang.Domain.Outbox.OutboxRules.Backoff(1));
        await _factory.SendDueAsync();
        await _factory.SendDueAsync();

        Assert.StartsWith("好消息！您候补的「焊工」有名额了，已经为您确认，确认码：", Assert.Single(_channel.Texts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ineligible_worker_is_told_why_and_can_pick_a_session_they_may_take()
    {
        await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding with { AgeMax = 45 });
        await Sessions.PlanAsync(_factory, "家政服务员", Sessions.Welding with { StartsOn = new DateOnly(2026, 12, 15), EndsOn = new DateOnly(2026, 12, 20) });
        await Conversation.Start(_factory, "lao-li").Send("你好").Expect(MenuTexts.Welcome).StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, "lao-li", WorkerProfile.Empty with { Name = "李姐", Mobile = "13912345678", BirthYear = 1970 });

        await Conversation.Start(_factory, "lao-li")
            .Send("2").Expect(TrainingTexts.AskCourse)
            .Send("1").Expect("焊工")
            .Send("1").Expect(DialogTexts.Format(TrainingTexts.Refused, "这一期要求年龄16到45岁，您今年56岁"))
            .Expect(TrainingTexts.Instead, "1. 家政服务员 · 12月15日开班")
            .Send("1").Expect("【家政服务员】", TrainingTexts.Confirm)
            .Send("好").Expect("报名成功")
            .StartTestAsync();
    }

    [Fact]
    public async Task Without_open_sessions_the_worker_is_told_so()
    {
        await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding with { EnrolBy = new DateOnly(2026, 11, 28) });

        await Conversation.Start(_factory)
            .Send("培训报名").Expect(TrainingTexts.NoCourses)
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    [Fact]
    public async Task Saying_no_enrols_nothing()
    {
        await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding);

        await Conversation.Start(_factory)
            .Send("培训报名").Expect(TrainingTexts.AskCourse)
            .Send("1").Expect("剩30个名额")
            .Send("1").Expect(TrainingTexts.Confirm)
            .Send("几点上课").Expect(DialogTexts.NeedConfirm)
            .Send("不报了").Expect(TrainingTexts.NotEnrolled)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<PingtangDb>().Enrolments);
    }

    private async Task EnrolAsync(string userId, string question, string outcome)
    {
        await Conversation.Start(_factory, userId).Send("你好").StartTestAsync();
        // One number, one worker: each has their own.
        await WorkerProfiles.SetAsync(_factory, userId, WorkerProfile.Empty with { Name = userId, Mobile = $"1381234567{userId[^1]}" });
        await Conversation.Start(_factory, userId)
            .Send("培训报名").Expect(TrainingTexts.AskCourse)
            .Send("1").Expect("焊工")
            .Send("1").Expect(question)
            .Send("是").Expect(outcome)
            .StartTestAsync();
    }
}
