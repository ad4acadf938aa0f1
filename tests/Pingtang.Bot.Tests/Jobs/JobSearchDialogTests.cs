using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Tests.Jobs;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Jobs;

public sealed class JobSearchDialogTests : IDisposable
{
    private static readonly JobPostingDraft Factory = JobDrafts.Factory;

    private static readonly JobPostingDraft Electrician = Factory with
    {
        ExternalId = "GD-ELEC", Title = "厂区电工", Trade = "维修电工", MonthlyPayMin = 6500, MonthlyPayMax = 8000, MealsProvided = false, HousingProvided = true,
    };

    private static readonly JobPostingDraft Baiyun = Factory with
    {
        ExternalId = "GZ-1", Title = "服装厂普工", City = "广州", District = "白云区", Station = Station.GuangzhouBaiyun, MonthlyPayMin = 4500, MonthlyPayMax = 6000,
    };

    private static readonly JobPostingDraft Chillies = Factory with
    {
        ExternalId = "PT-1", Title = "辣椒采摘", Trade = "季节工", Employer = "平塘县某合作社", Province = "贵州", City = "黔南州", District = "平塘县",
        MonthlyPayMin = null, MonthlyPayMax = null, DailyPay = 120, MealsProvided = true, HousingProvided = false, AgeMin = 18, AgeMax = 70,
        Station = Station.CountyCentre,
    };

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Worker_answers_the_three_questions_pages_through_opens_one_and_applies()
    {
        await Postings.AddAsync(_factory, [.. Enumerable.Range(1, 6).Select(i => Factory with { ExternalId = $"GD-{i}", MonthlyPayMax = 6000 + (i * 100) }), Chillies]);

        await Conversation.Start(_factory)
            .Send("岗位查询").Expect(JobTexts.AskRegion, "1. 县内", "3. 广东", "5. 不限")
            .Send("广东").Expect(JobTexts.AskTrade, "1. 普工")
            .Send("普工").Expect(JobTexts.AskPay, "3. 5000元以上")
            .Send("5000").Expect("找到6个岗位（第1/2页）", "1. 电子厂普工 · 东莞市大朗镇 · 5000-6600元/月 · 包吃住", "5. 电子厂普工 · 东莞市大朗镇 · 5000-6200元/月", JobTexts.BrowseHint)
            .Send("下一页").Expect("找到6个岗位（第2/2页）", "1. 电子厂普工 · 东莞市大朗镇 · 5000-6100元/月")
            .Send("下一页").Expect(JobTexts.LastPage).Expect("第2/2页")
            .Send("上一页").Expect("第1/2页")
            .Send("6").Expect(DialogTexts.Format(JobTexts.NoSuchItem, 5)).Expect("第1/2页")
            .Send("第二个").Expect("【2】电子厂普工", "单位：东莞某电子有限公司", "工资：5000-6500元/月", "食宿：包吃住", "年龄：18-45岁", "3月31日截止", "联系：东莞市大朗镇劳务协作站", "1. 我要报名")
            .Send("我要报名").Expect(JobTexts.AskMobile)
            .Send("13812345678").Expect("报名成功", "东莞市大朗镇劳务协作站的工作人员", "138****5678")
            .Expect("第1/2页")
            .Send("2").Expect("【2】电子厂普工")
            .Send("1").Expect(JobTexts.AlreadyApplied)
            .Expect("第1/2页")
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var application = await db.JobApplications.Include(a => a.JobPosting).Include(a => a.Worker).SingleAsync();
        Assert.Equal("GD-5", application.JobPosting!.ExternalId);
        Assert.Equal("13812345678", application.Worker!.Mobile);
    }

    [Theory]
    [InlineData("东莞 电工 6000以上", "找到1个岗位", "1. 厂区电工 · 东莞市大朗镇 · 6500-8000元/月 · 包住")]
    [InlineData("白云区 普工 包吃住", "找到1个岗位", "1. 服装厂普工 · 广州市白云区 · 4500-6000元/月 · 包吃住")]
    [InlineData("采摘", "找到1个岗位", "1. 辣椒采摘 · 黔南州平塘县 · 120元/天 · 包吃")]
    [InlineData("县内 100一天", "找到1个岗位", "1. 辣椒采摘")]
    [InlineData("广东 包住 6千", "找到3个岗位", "厂区电工")]
    public async Task Typed_search_at_the_menu_shows_results_at_once(string typed, string found, string line)
    {
        await Postings.AddAsync(_factory, Factory, Electrician, Baiyun, Chillies);

        await Conversation.Start(_factory)
            .Send(typed).Expect(found, line, JobTexts.BrowseHint)
            .StartTestAsync();
    }

    [Fact]
    public async Task Typed_search_in_the_results_starts_a_new_search()
    {
        await Postings.AddAsync(_factory, Factory, Electrician, Baiyun, Chillies);

        await Conversation.Start(_factory)
            .Send("东莞").Expect("找到2个岗位")
            .Send("辣椒").Expect("找到1个岗位", "辣椒采摘")
            .Send("重新搜索").Expect(JobTexts.AskRegion)
            .Send("1").Expect(JobTexts.AskTrade)
            .Send("不限").Expect(JobTexts.AskPay)
            .Send("八千以上").Expect(DialogTexts.Format(JobTexts.NoExactMatch, "平塘县 · 工种不限 · 工资不限"), "辣椒采摘")
            .StartTestAsync();
    }

    [Fact]
    public async Task No_match_widens_to_the_nearest_search_with_results()
    {
        await Postings.AddAsync(_factory, Factory, Electrician, Baiyun);

        await Conversation.Start(_factory)
            .Send("大朗 电工 包吃").Expect(DialogTexts.Format(JobTexts.NoExactMatch, "大朗镇 · 电工 · 工资不限"), "找到1个岗位", "厂区电工")
            .Send("杭州 焊工").Expect(DialogTexts.Format(JobTexts.NoExactMatch, "地点不限 · 工种不限 · 工资不限"), "找到3个岗位")
            .StartTestAsync();
    }

    [Fact]
    public async Task Older_worker_sees_only_jobs_they_may_take_and_is_offered_seasonal_work()
    {
        await Postings.AddAsync(_factory, Factory, Electrician with { AgeMax = 60 }, Chillies);
        await Conversation.Start(_factory, "lao-wang").Send("你好").Expect(MenuTexts.Welcome).StartTestAsync();
        await WorkerProfiles.SetAsync(_factory, "lao-wang", WorkerProfile.Empty with { BirthYear = 1968 });

        await Conversation.Start(_factory, "lao-wang")
            .Send("广东").Expect("找到1个岗位", "厂区电工", JobTexts.SeasonalOffer)
            .Send(JobTexts.Seasonal).Expect("找到1个岗位", "辣椒采摘")
            .StartTestAsync();
    }

    [Fact]
    public async Task With_no_open_postings_the_worker_is_told_so_and_returns_to_the_menu()
    {
        await Postings.AddAsync(_factory, Factory with { ClosesOn = new DateOnly(2026, 11, 29) });
        var clock = (FakeTimeProvider)_factory.Clock!;
        clock.Advance(TimeSpan.FromDays(1));

        await Conversation.Start(_factory)
            .Send("1").Expect(JobTexts.AskRegion)
            .Send("5").Expect(JobTexts.AskTrade)
            .Send("5").Expect(JobTexts.AskPay)
            .Send("不限").Expect(JobTexts.NothingAtAll)
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_posting_that_closes_while_the_worker_reads_is_not_applied_for()
    {
        await Postings.AddAsync(_factory, Factory);

        await Conversation.Start(_factory)
            .Send("东莞 普工").Expect("找到1个岗位")
            .Send("1").Expect("【1】电子厂普工")
            .Then(() => CloseAll())
            .Send("我要报名").Expect(JobTexts.AskMobile)
            .Send("13812345678").Expect(JobTexts.PostingGone)
            .StartTestAsync();
    }

    [Fact]
    public async Task Global_words_still_work_in_the_results()
    {
        await Postings.AddAsync(_factory, Factory);

        await Conversation.Start(_factory)
            .Send("东莞 普工").Expect("找到1个岗位")
            .Send("菜单").Expect(MenuTexts.Choose, "1. 岗位查询")
            .StartTestAsync();
    }

    [Fact]
    public async Task Unreadable_reply_shows_the_results_again_and_thanks_ends_the_search()
    {
        await Postings.AddAsync(_factory, Factory);

        await Conversation.Start(_factory)
            .Send("东莞 普工").Expect("找到1个岗位")
            .Send("啊").Expect(JobTexts.NotUnderstood).Expect("找到1个岗位")
            .Send("谢谢").Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    [Fact]
    public async Task Many_results_are_counted_as_more_than_five_hundred()
    {
        await Postings.AddAsync(_factory, [.. Enumerable.Range(1, JobSearch.CountCap + 1).Select(i => Factory with { ExternalId = $"GD-{i}" })]);

        await Conversation.Start(_factory)
            .Send("东莞").Expect("找到500多个岗位（第1页）")
            .Send("下一页").Expect("找到500多个岗位（第2页）")
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_for_alerts_needs_consent_and_the_same_search_is_saved_once()
    {
        await Postings.AddAsync(_factory, Factory);

        await Conversation.Start(_factory)
            .Send("东莞 普工").Expect("找到1个岗位", JobTexts.Subscribe)
            .Send("有新岗位通知我").Expect(JobTexts.AskConsent)
            .Send("不要").Expect(JobTexts.NotSubscribed)
            .Expect(MenuTexts.AnythingElse)
            .Send("东莞 普工").Expect("找到1个岗位")
            .Send("通知我").Expect(JobTexts.AskConsent)
            .Send("好").Expect(DialogTexts.Format(JobTexts.Subscribed, "东莞市 · 普工 · 工资不限"))
            .Expect(MenuTexts.AnythingElse)
            .Send("东莞 普工").Expect("找到1个岗位")
            .Send("有新岗位通知我").Expect(JobTexts.AlreadySubscribed)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        var saved = await db.SavedSearches.SingleAsync();
        Assert.Equal(new JobQuery { City = "东莞市", TradeGroup = "普工" }, saved.Query);
        Assert.True((await db.Workers.SingleAsync()).AcceptsReminders);
    }

    private void CloseAll()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        foreach (var posting in db.JobPostings)
        {
            posting.Close(TestClock.Now);
        }

        db.SaveChanges();
    }
}
