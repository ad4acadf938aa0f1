using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Bot.Jobs;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Tests.Jobs;

public sealed class JobQueryReaderTests
{
    public static TheoryData<string, JobQuery> Phrases => new()
    {
        { "东莞 电工 6000以上", new JobQuery { City = "东莞市", TradeGroup = "电工", MinMonthlyPay = 6000 } },
        { "白云区 普工 包吃住", new JobQuery { District = "白云区", TradeGroup = "普工", NeedsMeals = true, NeedsHousing = true } },
        { "采摘", new JobQuery { TradeGroup = TradeSynonyms.Seasonal } },
        { "辣椒采摘", new JobQuery { TradeGroup = TradeSynonyms.Seasonal, Keywords = ["辣椒"] } },
        { "操作工", new JobQuery { TradeGroup = "普工" } },
        { "保姆", new JobQuery { TradeGroup = "家政" } },
        { "广州 保安 包住", new JobQuery { City = "广州市", TradeGroup = "保安", NeedsHousing = true } },
        { "广东 6千", new JobQuery { Province = Places.Guangdong, MinMonthlyPay = 6000 } },
        { "浙江 六千", new JobQuery { Province = Places.Zhejiang, MinMonthlyPay = 6000 } },
        { "宁波 焊工 1.2万", new JobQuery { City = "宁波市", TradeGroup = "焊工", MinMonthlyPay = 12000 } },
        { "200一天", new JobQuery { MinMonthlyPay = 200 * JobPosting.WorkDaysPerMonth } },
        { "县内 日薪150", new JobQuery { District = Places.Pingtang, MinMonthlyPay = 150 * JobPosting.WorkDaysPerMonth } },
        { "平塘 零工 两百一天", new JobQuery { District = Places.Pingtang, MinMonthlyPay = 200 * JobPosting.WorkDaysPerMonth, Keywords = ["零工"] } },
        { "我想找东莞大朗的包吃包住的工作", new JobQuery { City = "东莞市", District = "大朗镇", NeedsMeals = true, NeedsHousing = true } },
        { "深圳电子厂", new JobQuery { City = "深圳市", Keywords = ["电子厂"] } },
        { "物流园", new JobQuery { TradeGroup = "快递物流" } },
        { "省内叉车司机5000块以上", new JobQuery { Province = Places.Guizhou, TradeGroup = "叉车司机", MinMonthlyPay = 5000 } },
        { "有没有杭州的月薪8000的司机", new JobQuery { City = "杭州市", TradeGroup = "货车司机", MinMonthlyPay = 8000 } },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Typed_search_reads_place_trade_pay_and_board(string text, JobQuery expected) =>
        Assert.Equal(expected, JobQueryReader.Read(TextNormalizer.Normalize(text), requireClearIntent: true));

    [Theory]
    [InlineData("你好")]
    [InlineData("谢谢")]
    [InlineData("电子厂")]
    [InlineData("我被拖欠工资三个月了")]
    public void At_the_menu_a_message_without_place_trade_or_pay_is_not_a_search(string text) =>
        Assert.Null(JobQueryReader.Read(TextNormalizer.Normalize(text), requireClearIntent: true));

    [Fact]
    public void In_the_results_any_words_are_a_search() =>
        Assert.Equal(new JobQuery { Keywords = ["电子厂"] }, JobQueryReader.Read("电子厂", requireClearIntent: false));

    [Fact]
    public void A_message_too_long_to_be_a_search_is_not_one() =>
        Assert.Null(JobQueryReader.Read(string.Concat(Enumerable.Repeat("东莞电工", 20)), requireClearIntent: false));

    [Theory]
    [InlineData("5500", 5500)]
    [InlineData("六千", 6000)]
    [InlineData("6k", 6000)]
    [InlineData("3千5", 3500)]
    [InlineData("一万", 10000)]
    [InlineData("200一天", 5200)]
    [InlineData("一天两百", 5200)]
    [InlineData("月薪4000元", 4000)]
    public void Pay_phrases_become_lowest_monthly_pay(string text, int monthly) =>
        Assert.Equal(monthly, JobQueryReader.ReadPay(text));

    [Theory]
    [InlineData("很多")]
    [InlineData("3")]
    [InlineData("一二三")]
    public void Words_that_are_not_pay_are_not_read_as_pay(string text) => Assert.Null(JobQueryReader.ReadPay(text));
}
