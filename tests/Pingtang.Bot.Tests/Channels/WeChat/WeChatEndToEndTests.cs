using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Handoffs;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Tests.Jobs;
using Pingtang.Bot.Tests.ReturnTrips;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Training;
using Pingtang.Bot.Tests.Uploads;
using Pingtang.Bot.Training;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Stations;
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
    private const string StaffPassword = "wechat-staff-password";

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
    public async Task A_worker_only_on_WeChat_applies_for_a_job_enrols_in_training_books_a_return_trip_and_files_a_complaint_with_a_photo_staff_take_over_each_message_of_three_tries_answered_once(bool safeMode)
    {
        var worker = new WeChatFollower(OpenId, new WeChatServer(_host.CreateClient(), _clock, safeMode), _api, _host, _clock, _turns);

        await worker.FollowAsync().Sees([MenuTexts.Welcome, "1. 岗位查询", "4. 返岗报名"]);
        await ApplyForAJobAsync(worker);
        await EnrolInTrainingAsync(worker);
        await BookAReturnTripAsync(worker);
        await ComplainWithAPhotoAndTalkToStaffAsync(worker);
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

    /// <summary>
    /// 劳动维权 from the custom menu with a photo of the 欠条 as evidence, which puts the case in its station's queue (so
    /// 人工 finds the worker already waiting); the station's staff take the conversation over in the console, read what
    /// the worker writes and sends, answer, and hand it back.
    /// </summary>
    private async Task ComplainWithAPhotoAndTalkToStaffAsync(WeChatFollower worker)
    {
        _api.AddMedia("media-iou", SampleFiles.Png, "image/jpeg", "media-iou.jpg");
        _api.AddMedia("media-slip", SampleFiles.Jpeg, "image/jpeg", "media-slip.jpg");

        await worker.TapsAsync("劳动维权").Sees([ComplaintTexts.Privacy], [ComplaintTexts.AskFiler]);
        await worker.SaysAsync("1").Sees([ComplaintTexts.AskCategory]);
        await worker.SaysAsync("1").Sees([ComplaintTexts.AskEmployer]);
        await worker.SaysAsync("宏达制衣有限公司").Sees([ComplaintTexts.AskCreditCode]);
        await worker.SaysAsync("跳过").Sees([ComplaintTexts.AskPlace]);
        await worker.SaysAsync("东莞大朗").Sees([ComplaintTexts.AskSite]);
        await worker.SaysAsync("宏达二厂").Sees([ComplaintTexts.AskPeriod]);
        await worker.SaysAsync("2026年3月到10月").Sees([ComplaintTexts.AskAmount]);
        await worker.SaysAsync("1.2万").Sees([ComplaintTexts.AskWorkersOwed]);
        await worker.SaysAsync("3").Sees([ComplaintTexts.AskNarrative]);
        await worker.SaysAsync("老板欠了三个月工资").Sees([ComplaintTexts.AskEvidence]);
        await worker.SendsAsync(WeChatFields.Photo("media-iou")).Sees([DialogTexts.Format(ComplaintTexts.EvidenceReceived, 1)]);
        await worker.SaysAsync("完成").Sees(["13812345678"]);
        await worker.SaysAsync("是").Sees(["证据：1个文件", "交给：东莞市大朗镇劳务协作站"]);
        await worker.SaysAsync("是").Sees(["已提交！编号：WQ-2026-000001"], [MenuTexts.AnythingElse]);

        var complaint = await Trips.ReadAsync(_host, db => db.Complaints.Include(c => c.Evidence).SingleAsync());
        var evidence = Assert.Single(complaint.Evidence);
        Assert.Equal((WeChatTexts.PhotoFileName, "image/png"), (evidence.Name, evidence.ContentType));
        Assert.Equal(SampleFiles.Png, await _host.CreateClient().GetByteArrayAsync(new Uri(evidence.ContentUrl).PathAndQuery));

        await worker.SaysAsync("人工").Sees([DialogTexts.Format(HandoffTexts.StillWaiting, Station.DongguanDalang)], [MenuTexts.AnythingElse]);
        var handoff = await Trips.ReadAsync(_host, db => db.Handoffs.Include(h => h.Station).SingleAsync());
        Assert.Equal(Station.DongguanDalang, handoff.Station!.Name);
        using var staff = await StaffClient.SignInAsAsync(_host, "dalang", StaffPassword, StaffRole.Staff, handoff.StationId);
        var page = ConversationEndpoints.PageOf(handoff.Id);

        using var take = await staff.PostFormAsync($"{page}/take", new Dictionary<string, string>(), from: page);
        await worker.ReceivesAsync().Sees(["现在由我来为您服务"]);
        await worker.SaysToStaffAsync("工资条也拍了").Sees();
        await worker.SendsToStaffAsync(WeChatFields.Photo("media-slip")).Sees();
        var transcript = await staff.GetStringAsync(page);
        using var reply = await staff.PostFormAsync($"{page}/reply", new Dictionary<string, string> { ["text"] = "收到，明天我们联系老板。" }, from: page);
        await worker.ReceivesAsync().Sees(["平塘就业助手工作人员（dalang）：收到，明天我们联系老板。"]);
        using var back = await staff.PostFormAsync($"{page}/handback", new Dictionary<string, string> { ["text"] = "已登记，等单位回复" }, from: page);
        await worker.ReceivesAsync().Sees(["小结：已登记，等单位回复"]);
        await worker.SaysAsync("菜单").Sees([MenuTexts.Choose, "1. 岗位查询"]);

        Assert.All([take, reply, back], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Contains("工资条也拍了", transcript, StringComparison.Ordinal);
        Assert.Contains(WeChatTexts.PhotoFileName, transcript, StringComparison.Ordinal);
    }
}
