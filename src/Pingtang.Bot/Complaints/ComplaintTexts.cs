using System.Globalization;
using Pingtang.Domain.Complaints;

namespace Pingtang.Bot.Complaints;

/// <summary>What 劳动维权 and 查进度 say, reviewed together: short lines for people with little reading practice.</summary>
public static class ComplaintTexts
{
    public const string MyComplaints = "查进度";

    public const string Privacy =
        "【劳动维权】我们帮您把问题交给劳务协作站的工作人员。\n" +
        "您说的情况只给处理这件事的工作人员看；需要转交劳动保障监察部门时，也会给他们看。不会给老板或别人看。\n" +
        "随时回复「取消」可以不反映。";

    public const string AskFiler = "这件事是谁在反映？";

    public static readonly IReadOnlyList<ComplaintFiler> Filers =
        [ComplaintFiler.Worker, ComplaintFiler.Relative, ComplaintFiler.VillageOfficial, ComplaintFiler.LabourLeader];

    public static readonly IReadOnlyList<string> FilerChoices = ["我本人", "亲属代为反映", "村干部代为反映", "劳务带头人代为反映"];

    public const string AskName = "请问怎么称呼您？例如「王师傅」「李姐」：";

    public const string AskFilerName = "请问代为反映的您怎么称呼？例如「王组长」「李主任」：";

    public const string AskAgreed = "工友本人同意由您代为反映吗？";

    public const string NeedAgreement = "代为反映需要工友本人同意。请先问问工友，同意后再来；工友也可以自己用手机发「劳动维权」。";

    public const string AskCategory = "遇到了什么问题？";

    public static readonly IReadOnlyList<ComplaintCategory> Categories =
        [ComplaintCategory.WageArrears, ComplaintCategory.WorkInjury, ComplaintCategory.LabourContract, ComplaintCategory.SocialInsurance, ComplaintCategory.Other];

    public static readonly IReadOnlyList<string> CategoryChoices = ["欠薪（拖欠工资）", "工伤（干活受伤）", "劳动合同", "社保", "其他"];

    public const string AskEmployer = "老板或单位叫什么？公司名、老板或包工头的名字都可以：";

    public const string AskCreditCode = "有单位的「统一社会信用代码」吗？在营业执照上，18位数字和字母。没有就回复「跳过」：";

    public const string BadCreditCode = "统一社会信用代码是18位数字和字母，请对照营业执照再发一次。";

    public const string AskPlace = "在哪个城市、哪个区县干活？例如「东莞大朗」「广州白云区」「平塘县城」：";

    public const string AskSite = "在哪个工地、工厂或项目？不知道就回复「跳过」：";

    public const string AskPeriod = "从什么时候干到什么时候？例如「2026年3月到10月」：";

    public const string AskAmount = "大概欠您多少钱？例如「三千五」「1.2万」：";

    public const string BadAmount = "金额应在1元到1000万元之间。";

    public const string AskWorkersOwed = "一共几个人被欠工资（算上您）？只有您一个就回复「1」：";

    public const string BadWorkersOwed = "人数应在1到10000之间的整数。";

    public const string AskInjuryDate = "哪天受的伤？例如「昨天」「11月20日」「2026年5月3日」：";

    public const string InjuryInFuture = "受伤日期不能晚于今天。";

    public const string AskNarrative = "请用您自己的话说说发生了什么，想要什么结果（例如「老板欠了三个月工资，想拿回工资」）：";

    public const string AskEvidence =
        "有证据的话，请拍照或发文件过来：劳动合同、工牌、工资条、欠条、考勤记录、银行流水都可以，可以分几次发。\n" +
        "发完回复「完成」；没有就回复「没有」。";

    public const string NeedEvidence = "请发照片或文件；发完了回复「完成」，没有就回复「没有」。";

    /// <summary>{0} how many files so far.</summary>
    public const string EvidenceReceived = "收到了，现在共{0}个文件。还有就接着发，发完回复「完成」。";

    /// <summary>{0} the most files a complaint keeps.</summary>
    public const string EvidenceFull = "已经收了{0}个文件，够了。其他的可以以后交给工作人员。";

    public const string EvidenceNotReceived = "有文件没收到，请重新发送一次。";

    public const string Done = "完成";

    public const string Nothing = "没有";

    /// <summary>{0} the phone number in the profile.</summary>
    public const string ConfirmPhone = "工作人员会打 {0} 联系您，用这个号码吗？";

    public static readonly IReadOnlyList<string> PhoneChoices = ["是，用这个", "换一个"];

    public const string AskPhone = "请留一个手机号，工作人员会打电话联系您：";

    public const string AskOtherPhone = "请输入这次联系用的手机号：";

    public const string ConfirmSummary = "请核对，没问题就提交：";

    public static readonly IReadOnlyList<string> ReviewChoices = ["是，提交", "改，重新填"];

    public const string StartOver = "好的，我们重新填一遍。";

    /// <summary>
    /// The confirmation of a filed case, with the times its station's hours and the working-day calendar give: a
    /// station closed now answers after it opens, and a date resting on a year whose holidays are not entered is 预计.
    /// </summary>
    public static string Filed(string caseNumber, string station, WorkerPromise promise)
    {
        ArgumentNullException.ThrowIfNull(promise);
        var maybe = promise.Confirmed ? "" : "预计";
        var answer = promise.OpensAt is { } opens
            ? $"现在不是上班时间，工作人员{maybe}{Moment(opens)}上班后处理，最晚{Moment(promise.FirstResponseBy)}前在这里回复您。"
            : $"工作人员{maybe}最晚{Moment(promise.FirstResponseBy)}前在这里回复您。";
        return $"已提交！编号：{caseNumber}\n" +
            $"1. 已转给：{station}。{answer}\n" +
            $"2. 按照劳动保障监察的规定，工作人员会在{CaseClocks.DecisionWorkingDays}个工作日内决定是否受理（{maybe}{ShortDay(promise.DecisionBy)}前），并告诉您。\n" +
            "3. 有进展会发消息通知您，回复「查进度」可以随时查看。";
    }

    public const string Urgent = "这件事比较紧急，已经马上通知工作人员优先处理。";

    /// <summary>{0} why, in words staff wrote.</summary>
    public const string NotFiled = "没能提交：{0}。请回复「劳动维权」重新填写。";

    public const string NoComplaints = "您还没有反映过问题。遇到欠薪、工伤等问题，要现在反映吗？";

    public const string MyComplaintsHeading = "您反映的问题（最新的在前）：";

    public const string MyComplaintsFooter = "有进展会发消息通知您。急事请回复「人工」。";

    /// <summary>Answers that leave an optional question empty.</summary>
    public static readonly IReadOnlyList<string> SkipWords = ["跳过", "没有", "无", "不知道", "不清楚", "不记得", "忘了"];

    /// <summary>Answers that end the evidence: nothing (more) to send.</summary>
    public static readonly IReadOnlyList<string> DoneWords = ["完成", "没有", "没有了", "没了", "无", "好了", "发完了", "就这些", "跳过", "不用"];

    /// <summary>
    /// What 《工伤保险条例》第十七条 means for this injury date, today: the employer's 30 days and the worker's year,
    /// with their last days and whether each has passed.
    /// </summary>
    public static string Deadlines(WorkInjuryDeadlines deadlines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var employer = deadlines.EmployerMayStillApply(today)
            ? "请催单位去申请。"
            : "这个期限已经过了，单位没申请的话，您可以自己申请。";
        var worker = deadlines.WorkerMayStillApply(today)
            ? $"还剩{deadlines.WorkerDaysLeft(today)}天，别耽误。"
            : "这个期限已经过了，工作人员会帮您看看还有什么办法。";
        return "按照《工伤保险条例》第十七条，受了工伤要申请「工伤认定」：\n" +
            $"1. 单位应在受伤后30天内申请，也就是{Day(deadlines.EmployerDueBy)}前。{employer}\n" +
            $"2. 单位没申请的，您本人或家属在受伤后1年内可以自己申请，也就是{Day(deadlines.WorkerDueBy)}前。{worker}";
    }

    /// <summary>The read-back before filing, one line a field, only the fields this complaint has.</summary>
    public static string Summary(ComplaintAnswers answers, string station)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var lines = new List<string> { ConfirmSummary, $"问题：{answers.Category?.Name()}" };
        if (answers.FiledBy != ComplaintFiler.Worker)
        {
            lines.Add($"反映人：{answers.FilerName}（{answers.FiledBy.Name()}），工友本人已同意");
        }

        lines.Add(answers.EmployerCreditCode is { } code ? $"单位：{answers.EmployerName}（{code}）" : $"单位：{answers.EmployerName}");
        lines.Add(answers.Site is { } site ? $"地点：{answers.WorkPlace} · {site}" : $"地点：{answers.WorkPlace}");
        lines.Add($"干活时间：{answers.PeriodWorked}");
        if (answers.AmountOwed is { } amount)
        {
            lines.Add($"欠薪：{Yuan(amount)}，共{answers.WorkersOwed}人");
        }

        if (answers.InjuredOn is { } injured)
        {
            lines.Add($"受伤日期：{Day(injured)}");
        }

        lines.Add($"经过：{answers.Narrative}");
        lines.Add($"证据：{(answers.Evidence.Count == 0 ? "没有" : $"{answers.Evidence.Count}个文件")}");
        lines.Add($"联系电话：{answers.ContactPhone}");
        lines.Add($"交给：{station}");
        return string.Join('\n', lines);
    }

    /// <summary>One line of 查进度: WQ-2026-000123 · 欠薪 · 已受理 · 11月29日提交.</summary>
    public static string CaseLine(MyComplaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return $"· {complaint.Number} · {complaint.Category.Name()} · {complaint.Status.Name()} · {Day(Domain.ChinaTime.DateOf(complaint.FiledAt))}提交";
    }

    private static string Yuan(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture) + "元";

    private static string ShortDay(DateOnly date) => date.ToString("M月d日", CultureInfo.InvariantCulture);

    private static string Moment(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Domain.ChinaTime.Zone).ToString("M月d日 H:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
