using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Complaints;

public sealed class ComplaintDialogTests : IDisposable
{
    private readonly RecordingChannel _channel = new();
    private readonly PingtangFactory _factory;

    public ComplaintDialogTests() =>
        _factory = new PingtangFactory(clock: new FakeTimeProvider(TestClock.Now), services: s => s.AddSingleton<IProactiveChannel>(_channel));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Owed_wages_typed_at_the_menu_become_a_case_at_the_station_of_the_place_with_its_evidence()
    {
        await Conversation.Start(_factory)
            .Send("东莞老板不发工资").Expect(ComplaintTexts.Privacy)
            .Expect(ComplaintTexts.AskFiler, "1. 我本人", "4. 劳务带头人代为反映")
            .Send("1").Expect(ComplaintTexts.AskName)
            .Send("王师傅").Expect(ComplaintTexts.AskEmployer)
            .Send("宏达制衣有限公司").Expect(ComplaintTexts.AskCreditCode)
            .Send("跳过").Expect(ComplaintTexts.AskPlace)
            .Send("东莞大朗").Expect(ComplaintTexts.AskSite)
            .Send("宏达二厂").Expect(ComplaintTexts.AskPeriod)
            .Send("2026年3月到10月").Expect(ComplaintTexts.AskAmount)
            .Send("1.2万").Expect(ComplaintTexts.AskWorkersOwed)
            .Send("3").Expect(ComplaintTexts.AskNarrative)
            .Send("老板欠了三个月工资 说过年再给").Expect(ComplaintTexts.AskEvidence)
            .Send(Files(("欠条.jpg", "image/jpeg"))).Expect(DialogTexts.Format(ComplaintTexts.EvidenceReceived, 1))
            .Send(Files(("考勤表.pdf", "application/pdf"), (null, "image/png"))).Expect(DialogTexts.Format(ComplaintTexts.EvidenceReceived, 3))
            .Send("完成").Expect(ComplaintTexts.AskPhone)
            .Send("13812345678").Expect(
                ComplaintTexts.ConfirmSummary, "问题：欠薪", "单位：宏达制衣有限公司", "地点：东莞大朗 · 宏达二厂", "干活时间：2026年3月到10月",
                "欠薪：12000元，共3人", "经过：老板欠了三个月工资 说过年再给", "证据：3个文件", "联系电话：13812345678", "交给：东莞市大朗镇劳务协作站", "1. 是，提交")
            .Send("是").Expect("已提交！编号：WQ-2026-000001", "已转给：东莞市大朗镇劳务协作站", "5个工作日内决定是否受理")
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var complaint = await db.Complaints.Include(c => c.Evidence).Include(c => c.Station).SingleAsync();
        Assert.Equal(
            (ComplaintCategory.WageArrears, "宏达制衣有限公司", (string?)null, "东莞大朗", "宏达二厂", 12_000m, 3, ComplaintFiler.Worker, "13812345678"),
            (complaint.Category, complaint.EmployerName, complaint.EmployerCreditCode, complaint.WorkPlace, complaint.Site, complaint.AmountOwed!.Value, complaint.WorkersOwed!.Value, complaint.FiledBy, complaint.ContactPhone));
        Assert.Equal(Domain.Stations.Station.DongguanDalang, complaint.Station!.Name);
        Assert.False(complaint.IsUrgent);
        Assert.Equal(
            [("欠条.jpg", "image/jpeg"), ("考勤表.pdf", "application/pdf"), ("文件3", "image/png")],
            complaint.Evidence.OrderBy(e => e.Id).Select(e => (e.Name, e.ContentType)));
        Assert.All(complaint.Evidence, e => Assert.StartsWith("https://files.example.invalid/", e.ContentUrl, StringComparison.Ordinal));
        var worker = await db.Workers.SingleAsync();
        Assert.Equal(("王师傅", "13812345678"), (worker.Name, worker.Mobile));
        Assert.Empty(_channel.Texts);
    }

    [Fact]
    public async Task A_work_injury_is_told_its_recognition_deadlines_and_that_staff_are_alerted()
    {
        await KnownWorkerAsync();

        await Conversation.Start(_factory)
            .Send("劳动维权").Expect(ComplaintTexts.Privacy)
            .Expect(ComplaintTexts.AskFiler)
            .Send("我本人").Expect(ComplaintTexts.AskCategory, "1. 欠薪（拖欠工资）", "2. 工伤（干活受伤）", "5. 其他")
            .Send("2").Expect(ComplaintTexts.AskEmployer)
            .Send("李老板").Expect(ComplaintTexts.AskCreditCode)
            .Send("91441900MA4UJ1234X").Expect(ComplaintTexts.AskPlace)
            .Send("广州白云区").Expect(ComplaintTexts.AskSite)
            .Send("没有").Expect(ComplaintTexts.AskPeriod)
            .Send("今年9月到现在").Expect(ComplaintTexts.AskInjuryDate)
            .Send("11月20日").Expect(
                "《工伤保险条例》第十七条",
                "单位应在受伤后30天内申请，也就是2026年12月20日前。请催单位去申请。",
                "您本人或家属在受伤后1年内可以自己申请，也就是2027年11月20日前。还剩356天")
            .Expect(ComplaintTexts.AskNarrative)
            .Send("从架子上摔下来，腿骨折了，老板不管").Expect(ComplaintTexts.AskEvidence)
            .Send("没有").Expect(DialogTexts.Format(ComplaintTexts.ConfirmPhone, "13912345678"), "1. 是，用这个", "2. 换一个")
            .Send("1").Expect("问题：工伤", "单位：李老板（91441900MA4UJ1234X）", "地点：广州白云区", "受伤日期：2026年11月20日", "证据：没有", "交给：广州市白云区劳务协作站")
            .Send("1").Expect("已提交！编号：WQ-2026-000001", ComplaintTexts.Urgent)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var complaint = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Complaints.SingleAsync();
        Assert.Equal((new DateOnly(2026, 11, 20), (string?)null, "91441900MA4UJ1234X"), (complaint.InjuredOn!.Value, complaint.Site, complaint.EmployerCreditCode));
        Assert.Equal([UrgencyReason.WorkInjury], complaint.UrgencyReasons);
    }

    [Fact]
    public async Task An_injury_long_ago_is_told_which_deadlines_have_passed()
    {
        await KnownWorkerAsync();

        await StartedInjury()
            .Send("2025年10月1日").Expect(
                "也就是2025年10月31日前。这个期限已经过了，单位没申请的话，您可以自己申请。",
                "也就是2026年10月1日前。这个期限已经过了，工作人员会帮您看看还有什么办法。")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_injury_date_ahead_of_today_is_asked_again()
    {
        await KnownWorkerAsync();

        await StartedInjury()
            .Send("2026年12月5日").Expect(ComplaintTexts.InjuryInFuture, ComplaintTexts.AskInjuryDate)
            .Send("昨天").Expect("也就是2026年12月28日前", "还剩364天")
            .StartTestAsync();
    }

    [Fact]
    public async Task Someone_filing_for_a_worker_without_their_agreement_is_refused_politely_and_nothing_is_filed()
    {
        await Conversation.Start(_factory)
            .Send("老板跑了").Expect(ComplaintTexts.Privacy)
            .Expect(ComplaintTexts.AskFiler)
            .Send("2").Expect(ComplaintTexts.AskFilerName)
            .Send("王大姐").Expect(ComplaintTexts.AskAgreed)
            .Send("还没问").Expect(DialogTexts.NeedConfirm)
            .Send("不").Expect(ComplaintTexts.NeedAgreement)
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<PingtangDb>().Complaints);
    }

    [Fact]
    public async Task A_labour_leader_files_for_a_worker_who_agreed_with_another_phone_for_the_case()
    {
        await KnownWorkerAsync();

        await Conversation.Start(_factory)
            .Send("工友被拖欠工资").Expect(ComplaintTexts.Privacy)
            .Expect(ComplaintTexts.AskFiler)
            .Send("劳务带头人").Expect(ComplaintTexts.AskAgreed)
            .Send("同意了").Expect(ComplaintTexts.AskEmployer)
            .Send("张包工头").Expect(ComplaintTexts.AskCreditCode)
            .Send("跳过").Expect(ComplaintTexts.AskPlace)
            .Send("平塘县城").Expect(ComplaintTexts.AskSite)
            .Send("跳过").Expect(ComplaintTexts.AskPeriod)
            .Send("5月到8月").Expect(ComplaintTexts.AskAmount)
            .Send("三千五").Expect(ComplaintTexts.AskWorkersOwed)
            .Send("12个人").Expect(ComplaintTexts.AskNarrative)
            .Send("包工头拖着不给").Expect(ComplaintTexts.AskEvidence)
            .Send("没有").Expect(ComplaintTexts.PhoneChoices[1])
            .Send("换一个").Expect(ComplaintTexts.AskOtherPhone)
            .Send("13700001111").Expect("反映人：李姐（劳务带头人），工友本人已同意", "欠薪：3500元，共12人", "联系电话：13700001111", "交给：平塘县就业服务中心")
            .Send("是").Expect("已提交！", ComplaintTexts.Urgent)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var complaint = await db.Complaints.SingleAsync();
        Assert.Equal((ComplaintFiler.LabourLeader, "李姐", "13700001111"), (complaint.FiledBy, complaint.FilerName, complaint.ContactPhone));
        Assert.Equal([UrgencyReason.CollectiveArrears], complaint.UrgencyReasons);
        Assert.Equal("13912345678", (await db.Workers.SingleAsync()).Mobile);
    }

    [Fact]
    public async Task Changing_at_the_read_back_starts_again_without_asking_who_files_and_files_nothing_meanwhile()
    {
        await KnownWorkerAsync();

        await AtReadBack(Conversation.Start(_factory).Send("社保不交").Expect(ComplaintTexts.Privacy).Expect(ComplaintTexts.AskFiler).Send("1"))
            .Send("改").Expect(ComplaintTexts.StartOver)
            .Expect(ComplaintTexts.AskCategory)
            .Send("社保").Expect(ComplaintTexts.AskEmployer)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<PingtangDb>().Complaints);
    }

    [Fact]
    public async Task A_wrong_credit_code_or_an_account_too_long_is_answered_clearly_and_asked_again()
    {
        await KnownWorkerAsync();

        await Conversation.Start(_factory)
            .Send("被开除了").Expect(ComplaintTexts.Privacy).Expect(ComplaintTexts.AskFiler)
            .Send("1").Expect(ComplaintTexts.AskEmployer)
            .Send("宏达").Expect(ComplaintTexts.AskCreditCode)
            .Send("12345").Expect(ComplaintTexts.BadCreditCode, ComplaintTexts.AskCreditCode)
            .Send("跳过").Expect(ComplaintTexts.AskPlace)
            .Send("东莞").Expect(ComplaintTexts.AskSite)
            .Send("跳过").Expect(ComplaintTexts.AskPeriod)
            .Send("去年").Expect(ComplaintTexts.AskNarrative)
            .Send(new string('欠', Complaint.TextMaxLength + 1)).Expect(DialogTexts.Format(DialogTexts.TooLong, Complaint.TextMaxLength), ComplaintTexts.AskNarrative)
            .Send("没签合同就把我开除了").Expect(ComplaintTexts.AskEvidence)
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_leaves_the_complaint_anywhere_and_files_nothing()
    {
        await KnownWorkerAsync();

        await Conversation.Start(_factory)
            .Send("工伤").Expect(ComplaintTexts.Privacy).Expect(ComplaintTexts.AskFiler)
            .Send("1").Expect(ComplaintTexts.AskEmployer)
            .Send("取消").Expect(MenuTexts.Cancelled)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<PingtangDb>().Complaints);
    }

    private TestFlow StartedInjury() => Conversation.Start(_factory)
        .Send("在工地摔伤了").Expect(ComplaintTexts.Privacy).Expect(ComplaintTexts.AskFiler)
        .Send("1").Expect(ComplaintTexts.AskEmployer)
        .Send("李老板").Expect(ComplaintTexts.AskCreditCode)
        .Send("跳过").Expect(ComplaintTexts.AskPlace)
        .Send("东莞").Expect(ComplaintTexts.AskSite)
        .Send("跳过").Expect(ComplaintTexts.AskPeriod)
        .Send("今年").Expect(ComplaintTexts.AskInjuryDate);

    private static TestFlow AtReadBack(TestFlow flow) => flow
        .Expect(ComplaintTexts.AskEmployer)
        .Send("宏达").Expect(ComplaintTexts.AskCreditCode)
        .Send("跳过").Expect(ComplaintTexts.AskPlace)
        .Send("东莞").Expect(ComplaintTexts.AskSite)
        .Send("跳过").Expect(ComplaintTexts.AskPeriod)
        .Send("去年").Expect(ComplaintTexts.AskNarrative)
        .Send("一直没交社保").Expect(ComplaintTexts.AskEvidence)
        .Send("没有").Expect(ComplaintTexts.PhoneChoices[0])
        .Send("是").Expect(ComplaintTexts.ConfirmSummary, "问题：社保");

    private async Task KnownWorkerAsync()
    {
        await Conversation.Start(_factory).Send("你好").Expect(MenuTexts.Welcome).StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, "worker-1", WorkerProfile.Empty with { Name = "李姐", Mobile = "13912345678" });
    }

    private static Activity Files(params (string? Name, string ContentType)[] files) => new(ActivityTypes.Message)
    {
        Attachments = [.. files.Select(f => new Attachment(f.ContentType, $"https://files.example.invalid/{Guid.NewGuid():N}", name: f.Name))],
    };
}
