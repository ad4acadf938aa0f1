using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Jobs;
using Pingtang.Bot.Tests.ReturnTrips;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Training;
using Pingtang.Bot.Training;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Tests.Jobs;
using Pingtang.Domain.Tests.ReturnTrips;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// A worker who only ever uses WeChat, through <c>/api/wechat</c> against the fake WeChat API, in plaintext and in
/// safe mode: follows the account, then each journey in turn — its data seeded, its script as the worker reads it, its
/// rows checked once at the end. Every message goes as three tries at once and is answered once
/// (<see cref="WeChatFollower"/>). A journey is one method taking the follower; add one to the test's list.
/// </summary>
public sealed class WeChatEndToEndTests : IAsyncLifetime
{
    private const string OpenId = "oWorker-e2e";

    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private readonly TurnCounter _turns = new();
    private FakeWeChatApi _api = null!;
    private PingtangFactory _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync(_clock);

        // The journeys are about what the worker reads; WeChat's deadline is WeChatRepliesTests'. A generous budget
        // keeps a loaded machine from turning a passive reply into customer-service messages while a retry still waits.
        _host = WeChatHost.For(_api, _clock, settings: new() { [WeChatConversations.PassiveReplyKey] = "20" }, services: TurnCounter.Around(_turns));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_worker_only_on_WeChat_applies_for_a_job_enrols_in_training_and_books_a_return_trip_each_message_of_three_tries_answered_once(bool safeMode)
    {
        var worker = new WeChatFollower(OpenId, new WeChatServer(_host.CreateClient(), _clock, safeMode), _api, _host, _clock, _turns);

        await worker.FollowAsync().Sees([MenuTexts.Welcome, "1. 岗位查询", "4. 返岗报名"]);
        await ApplyForAJobAsync(worker);
        await EnrolInTrainingAsync(worker);
        await BookAReturnTripAsync(worker);
    }

    /// <summary>岗位查询 from the welcome's menu: the three questions, a posting opened, 我要报名 with the mobile asked for.</summary>
    private async Task ApplyForAJobAsync(WeChatFollower worker)
    {
        await Postings.AddAsync(_host, JobDrafts.Factory, JobDrafts.Factory with { ExternalId = "GD-2", Title = "注塑厂普工", MonthlyPayMax = 7000 });

        await worker.SaysAsync("1").Sees([JobTexts.AskRegion, "3. 广东"]);
        await worker.SaysAsync("广东").Sees([JobTexts.AskTrade, "1. 普工"]);
        await worker.SaysAsync("普工").Sees([JobTexts.AskPay]);
        await worker.SaysAsync("5000").Sees(["找到2个岗位", "注塑厂普工", "电子厂普工", JobTexts.BrowseHint]);
        await worker.SaysAsync("1").Sees(["【1】注塑厂普工", "5000-7000元/月", "1. 我要报名"]);
        await worker.SaysAsync("我要报名").Sees([JobTexts.AskMobile]);
        await worker.SaysAsync("13812345678").Sees(["报名成功", "东莞市大朗镇劳务协作站", "138****5678"], ["找到2个岗位"]);

        var application = Assert.Single(await Trips.ReadAsync(_host, db => db.JobApplications.Include(a => a.JobPosting).Include(a => a.Worker).ToListAsync()));
        Assert.Equal(("GD-2", "13812345678"), (application.JobPosting!.ExternalId, application.Worker!.Mobile));
    }

    /// <summary>培训报名 from the custom menu, in the middle of the job results: a session, enrolled, its confirmation code.</summary>
    private async Task EnrolInTrainingAsync(WeChatFollower worker)
    {
        var sessionId = await Sessions.PlanAsync(_host, "焊工", Sessions.Welding);

        await worker.TapsAsync("培训报名").Sees([TrainingTexts.AskCourse, "1. 焊工（1期）"]);
        await worker.SaysAsync("1").Sees(["12月10日开班 · 平塘县公共实训基地 · 剩30个名额"]);
        await worker.SaysAsync("1").Sees(["【焊工】", TrainingTexts.Confirm]);
        await worker.SaysAsync("是").Sees([TrainingTexts.AskName]);
        var enrolled = await worker.SaysAsync("王师傅").Sees(["报名成功！确认码：", "地点：平塘县公共实训基地"], [MenuTexts.AnythingElse]);

        var enrolment = Assert.Single(await Trips.ReadAsync(_host, db => db.Enrolments.ToListAsync()));
        Assert.Equal(EnrolmentStatus.Confirmed, enrolment.Status);
        Assert.Contains($"确认码：{enrolment.Code}", enrolled.Messages[0], StringComparison.Ordinal);
        Assert.Equal(1, (await Trips.ReadAsync(_host, db => db.TrainingSessions.SingleAsync(s => s.Id == sessionId))).SeatsTaken);
    }

    /// <summary>返岗报名 from the custom menu: the bus to 广州, a pickup point, the worker alone, their name and phone offered.</summary>
    private async Task BookAReturnTripAsync(WeChatFollower worker)
    {
        await Trips.PlanAsync(_host, TripData.Guangzhou);

        await worker.TapsAsync("返岗报名").Sees([ReturnTripTexts.AskCity, "1. 广州"]);
        await worker.SaysAsync("广州").Sees(["2月11日（正月初六）07:30 返岗专车 → 广州 · 剩3座"]);
        await worker.SaysAsync("1").Sees([ReturnTripTexts.AskPickup, "1. 克度镇 克度镇政府门口 06:30"]);
        await worker.SaysAsync("1").Sees([ReturnTripTexts.AskWho]);
        await worker.SaysAsync("自己").Sees([ReturnTripTexts.AskCountSelf]);
        await worker.SaysAsync("1").Sees(["第1位乘车人的姓名"]);
        await worker.SaysAsync("王师傅").Sees(["王师傅的手机号"]);
        await worker.SaysAsync("13812345678").Sees(["上车点：克度镇 克度镇政府门口 06:30", "1. 王师傅 13812345678", ReturnTripTexts.Confirm]);
        var booked = await worker.SaysAsync("是").Sees(["报名成功！确认码：", "车长：罗师傅 13985400001"], [MenuTexts.AnythingElse]);

        var booking = Assert.Single(await Trips.BookingsAsync(_host));
        Assert.Equal((BookingStatus.Confirmed, 1, "克度镇政府门口"), (booking.Status, booking.SeatCount, booking.PickupPoint!.Place));
        Assert.Contains($"确认码：{booking.Code}", booked.Messages[0], StringComparison.Ordinal);
    }
}
