using System.Globalization;
using Pingtang.Bot.Dialogs;
using System.Text;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>What the job search says, reviewed together; and how a posting reads in one line or in full.</summary>
public static class JobTexts
{
    public const string Any = "不限";

    public const string AskRegion = "想在哪里工作？";

    public const string AskTrade = "想做什么工种？";

    public const string AskPay = "最低能接受多少工资（每月）？也可以直接输入金额，比如「5500」或「200一天」。";

    public const string NeedPay = "没看懂这个工资，请回复数字选择，或输入金额，比如「5000」。";

    public const string Found = "找到{0}个岗位（第{1}/{2}页）：";

    public const string FoundMany = "找到{0}多个岗位（第{1}页）：";

    public const string BrowseHint = "回复数字看详情；「下一页」「上一页」翻页；「重新搜索」换条件；「有新岗位通知我」订阅。也可以直接说想找什么，比如「东莞 电工 6000以上」。";

    public const string NothingAtAll = "现在暂时没有开放的岗位，请过几天再来看看，或联系平塘县就业服务中心。";

    public const string NoExactMatch = "没有完全符合的岗位。放宽条件后（{0}）找到这些：";

    /// <summary>Before the results of a shared location.</summary>
    public const string NearestFirst = "按离您发的位置由近到远排列（距离按所在区县的中心估算）。";

    /// <summary>Before the results of a shared location when even the nearest is farther than {0} kilometres.</summary>
    public const string NothingWithin = "您附近{0}公里内暂时没有开放的岗位。";

    /// <summary>After a shared location, when no open posting is anywhere the place table knows.</summary>
    public const string NothingNear = "暂时没有找到您附近的开放岗位。请回复「岗位查询」，按地区和工种找。";

    public const string LocationUnreadable = "这个位置没看懂。请重新发送位置，或回复「岗位查询」按地区找。";

    public const string SeasonalOffer = "各站点也为大龄朋友安排了季节性工作（辣椒采摘、蓝莓种植等），回复「季节工」查看。";

    public const string NotUnderstood = "没看懂。";

    public const string NoSuchItem = "这一页只有{0}个岗位，请回复1到{0}的数字。";

    public const string FirstPage = "已经是第一页了。";

    public const string LastPage = "已经是最后一页了。";

    public const string PostingGone = "这个岗位已经招满或截止了，请看看别的岗位。";

    public const string AskMobile = "报名需要留手机号，站点工作人员会打电话联系您。请输入您的手机号：";

    public const string Applied = "报名成功！\n1. {0}的工作人员会在2个工作日内给您打电话（{1}），请保持电话畅通。\n2. 电话里会跟您确认工资、住宿和出发时间。\n3. 有疑问可以联系站点：{2}。";

    public const string AlreadyApplied = "您已经报过这个岗位了，不用再报。站点工作人员会联系您，请耐心等电话。";

    public const string AskConsent = "通知要发消息给您，需要您同意接收提醒。现在打开提醒吗？";

    public const string Subscribed = "好的，有符合「{0}」的新岗位时，我会发消息通知您。每天最多一条，晚上10点到早上8点不打扰。回复「退订」可以停止。";

    public const string NotSubscribed = "好的，没有打开提醒，也就不会通知您。想要时再说「有新岗位通知我」。";

    public const string AlreadySubscribed = "这个条件已经订阅过了，有新岗位会通知您。";

    public const string SubscriptionLimit = "您已经订阅了{0}个条件，不能再多了。回复「退订」可以停止所有提醒。";

    public const string NextPage = "下一页";
    public const string PreviousPage = "上一页";
    public const string SearchAgain = "重新搜索";
    public const string Seasonal = "季节工";
    public const string Apply = "我要报名";
    public const string Subscribe = "有新岗位通知我";
    public const string BackToList = "返回列表";

    /// <summary>Replies to the results that mean "enough for now".</summary>
    public static readonly IReadOnlySet<string> Closings = new HashSet<string>(StringComparer.Ordinal)
    {
        "好的", "好", "行", "知道了", "晓得了", "谢谢", "谢谢你", "多谢", "不用了", "不要了", "算了", "没有了", "再见", "拜拜",
    };

    /// <summary>The menu's regions, each with what it searches.</summary>
    public static readonly IReadOnlyList<(string Title, JobQuery Query)> Regions =
    [
        ("县内", new JobQuery { District = Places.Pingtang }),
        ("贵州省内", new JobQuery { Province = Places.Guizhou }),
        ("广东", new JobQuery { Province = Places.Guangdong }),
        ("浙江", new JobQuery { Province = Places.Zhejiang }),
        (Any, JobQuery.Anything),
    ];

    public static readonly IReadOnlyList<string> TradeChoices =
        [.. TradeSynonyms.Groups.Keys.Where(g => g != TradeSynonyms.Other), Any];

    /// <summary>The pay choices, each with its lowest monthly pay (null: 不限).</summary>
    public static readonly IReadOnlyList<(string Title, int? Pay)> PayChoices =
        [("3000元以上", 3000), ("4000元以上", 4000), ("5000元以上", 5000), ("6000元以上", 6000), ("8000元以上", 8000), (Any, null)];

    public static readonly IReadOnlyList<string> DetailChoices = [Apply, BackToList, SearchAgain];

    /// <summary>title · city · (after a shared location) distance · pay · 包吃住, short enough for one line on a phone.</summary>
    public static string Line(JobSummary job) =>
        string.Join(" · ", new[] { job.Title, Place(job.City, job.District), Distance(job.Kilometres), Pay(job.MonthlyPayMin, job.MonthlyPayMax, job.DailyPay), Board(job.MealsProvided, job.HousingProvided) }
            .Where(part => part.Length > 0));

    public static string Detail(JobPosting job, int number)
    {
        ArgumentNullException.ThrowIfNull(job);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"【{number}】{job.Title}\n")
            .Append(CultureInfo.InvariantCulture, $"单位：{job.Employer}\n")
            .Append(CultureInfo.InvariantCulture, $"地点：{job.Province}{(job.City == job.Province ? "" : job.City)}{job.District}\n")
            .Append(CultureInfo.InvariantCulture, $"工资：{Pay(job.MonthlyPayMin, job.MonthlyPayMax, job.DailyPay)}\n");
        var board = Board(job.MealsProvided, job.HousingProvided);
        text.Append(CultureInfo.InvariantCulture, $"食宿：{(board.Length == 0 ? "不包吃住" : board)}\n");
        if (job.AgeMin is not null || job.AgeMax is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"年龄：{Ages(job.AgeMin, job.AgeMax)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"招聘：{job.Headcount}人，{job.ClosesOn:M月d日}截止\n");
        if (job.Description.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"说明：{job.Description}\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"联系：{job.Station?.Name}").ToString();
    }

    /// <summary>What a query searches for, in the words of the menu: 广东省 · 电工 · 5000元以上.</summary>
    public static string Describe(JobQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        var place = $"{query.Province}{query.City}{query.District}";
        parts.Add(place.Length == 0 ? "地点不限" : place);
        parts.Add(query.TradeGroup ?? "工种不限");
        parts.Add(query.MinMonthlyPay is { } pay ? $"{pay}元以上" : "工资不限");
        if (Board(query.NeedsMeals, query.NeedsHousing) is { Length: > 0 } board)
        {
            parts.Add(board);
        }

        parts.AddRange(query.Keywords.Select(k => $"「{k}」"));
        return string.Join(" · ", parts);
    }

    private static string Place(string city, string district) =>
        district.Length == 0 ? city : $"{city.Replace("布依族苗族自治州", "州", StringComparison.Ordinal)}{district}";

    private static string Distance(double? kilometres) => kilometres switch
    {
        null => "",
        < 1 => "不到1公里",
        { } km => $"约{(int)Math.Round(km)}公里",
    };

    /// <summary>5000-6500元/月，或180元/天: how pay reads to workers and staff alike.</summary>
    public static string Pay(int? min, int? max, int? daily)
    {
        var monthly = (min, max) switch
        {
            ({ } a, { } b) when a == b => $"{a}元/月",
            ({ } a, { } b) => $"{a}-{b}元/月",
            ({ } a, null) => $"{a}元起/月",
            (null, { } b) => $"最高{b}元/月",
            _ => "",
        };
        return daily is { } d ? (monthly.Length == 0 ? $"{d}元/天" : $"{monthly}，或{d}元/天") : monthly;
    }

    private static string Board(bool meals, bool housing) => (meals, housing) switch
    {
        (true, true) => "包吃住",
        (true, false) => "包吃",
        (false, true) => "包住",
        _ => "",
    };

    private static string Ages(int? min, int? max) => (min, max) switch
    {
        ({ } a, { } b) => $"{a}-{b}岁",
        ({ } a, null) => $"{a}岁以上",
        (null, { } b) => $"{b}岁以下",
        _ => "",
    };

    /// <summary>A page of results as one message: numbered lines, what to reply, and the replies as buttons.</summary>
    public static PromptOptions Results(string note, JobResults results, bool offerSeasonal)
    {
        var lines = results.Items.Select((job, i) => $"{i + 1}. {Line(job)}");
        var found = results.MoreThanTotal
            ? DialogTexts.Format(FoundMany, results.Total, results.Page + 1)
            : DialogTexts.Format(Found, results.Total, results.Page + 1, results.PageCount);
        var text = $"{note}{found}\n{string.Join('\n', lines)}\n{BrowseHint}";
        if (offerSeasonal)
        {
            text += $"\n{SeasonalOffer}";
        }

        var buttons = Enumerable.Range(1, results.Items.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (results.Page > 0)
        {
            buttons.Add(PreviousPage);
        }

        if (results.HasNext)
        {
            buttons.Add(NextPage);
        }

        buttons.Add(SearchAgain);
        buttons.Add(Subscribe);
        if (offerSeasonal)
        {
            buttons.Add(Seasonal);
        }

        return new PromptOptions { Text = text, Buttons = buttons };
    }
}
