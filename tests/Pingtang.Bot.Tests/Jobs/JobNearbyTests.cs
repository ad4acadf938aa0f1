using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Tests.Jobs;
using Pingtang.Domain.Stations;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>
/// A shared location (a Bot Framework <c>GeoCoordinates</c> entity, as Direct Line clients send it and WeChat's 位置
/// becomes) lists the open postings nearest to it in the job search's own results, with their distance, wherever the
/// worker was.
/// </summary>
public sealed class JobNearbyTests : IDisposable
{
    private static readonly JobPostingDraft Dalang = JobDrafts.Factory;

    private static readonly JobPostingDraft Baiyun = JobDrafts.Factory with
    {
        ExternalId = "GZ-1", Title = "服装厂普工", City = "广州", District = "白云区", Station = Station.GuangzhouBaiyun,
    };

    private static readonly JobPostingDraft Pingtang = JobDrafts.Factory with
    {
        ExternalId = "PT-1", Title = "辣椒采摘", Trade = "季节工", Province = "贵州", City = "黔南州", District = "平塘县", MonthlyPayMin = null, MonthlyPayMax = null,
        DailyPay = 120, Station = Station.CountyCentre,
    };

    /// <summary>常平镇, Dongguan: 9 km from 大朗镇's centre.</summary>
    private static Activity InChangping => Location(22.98, 114.02);

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_location_lists_the_nearest_postings_first_with_their_distance_and_one_can_be_opened_and_applied_for()
    {
        await Postings.AddAsync(_factory, Pingtang, Baiyun, Dalang);

        await Conversation.Start(_factory)
            .Send(InChangping).Expect(
                JobTexts.NearestFirst,
                "找到3个岗位（第1/1页）",
                "1. 电子厂普工 · 东莞市大朗镇 · 约9公里 · 5000-6500元/月 · 包吃住",
                "2. 服装厂普工 · 广州市白云区 · 约79公里",
                "3. 辣椒采摘 · 黔南州平塘县 · 约749公里 · 120元/天",
                JobTexts.BrowseHint)
            .Send("2").Expect("【2】服装厂普工", "联系：广州市白云区劳务协作站", "1. 我要报名")
            .Send("我要报名").Expect(JobTexts.AskMobile)
            .Send("13812345678").Expect("报名成功", "广州市白云区劳务协作站")
            .Expect(JobTexts.NearestFirst, "1. 电子厂普工 · 东莞市大朗镇 · 约9公里")
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var application = await scope.ServiceProvider.GetRequiredService<PingtangDb>().JobApplications.Include(a => a.JobPosting).SingleAsync();
        Assert.Equal("GZ-1", application.JobPosting!.ExternalId);
    }

    [Fact]
    public async Task The_nearest_postings_page_like_any_results_and_a_new_search_forgets_the_location()
    {
        await Postings.AddAsync(_factory, [.. Enumerable.Range(1, 5).Select(i => Dalang with { ExternalId = $"GD-{i}" }), Baiyun]);

        await Conversation.Start(_factory)
            .Send(InChangping).Expect("找到6个岗位（第1/2页）", "5. 电子厂普工 · 东莞市大朗镇 · 约9公里")
            .Send("下一页").Expect(JobTexts.NearestFirst, "找到6个岗位（第2/2页）", "1. 服装厂普工 · 广州市白云区 · 约79公里")
            .Send("东莞").Expect("找到5个岗位（第1/1页）", "1. 电子厂普工 · 东莞市大朗镇 · 5000-6500元/月")
            .Send("重新搜索").Expect(JobTexts.AskRegion)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_location_in_the_middle_of_a_dialog_leaves_it_for_the_nearest_postings()
    {
        await Postings.AddAsync(_factory, Dalang, Baiyun);

        await Conversation.Start(_factory)
            .Send("我的信息").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Send(Location(23.2, 113.3)).Expect("1. 服装厂普工 · 广州市白云区 · 约5公里", "2. 电子厂普工 · 东莞市大朗镇")
            .Send("1").Expect("【1】服装厂普工")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_location_far_from_every_open_posting_says_nothing_is_near_and_lists_the_nearest_anyway()
    {
        await Postings.AddAsync(_factory, Baiyun);

        await Conversation.Start(_factory)
            .Send(Location(25.83, 107.32)).Expect(DialogTexts.Format(JobTexts.NothingWithin, 50), "1. 服装厂普工 · 广州市白云区 · 约")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_location_when_nothing_is_open_says_so_and_offers_the_ordinary_search()
    {
        await Postings.AddAsync(_factory, Dalang with { City = "某市", District = "某区" });

        await Conversation.Start(_factory)
            .Send(InChangping).Expect(JobTexts.NothingNear).Expect(MenuTexts.AnythingElse, "1. 岗位查询")
            .Send("岗位查询").Expect(JobTexts.AskRegion)
            .StartTestAsync();
    }

    [Fact]
    public async Task Being_told_of_new_postings_after_a_location_saves_the_district_nearest_to_it()
    {
        await Postings.AddAsync(_factory, Dalang);

        await Conversation.Start(_factory)
            .Send(InChangping).Expect("1. 电子厂普工 · 东莞市大朗镇")
            .Send(JobTexts.Subscribe).Expect(JobTexts.AskConsent)
            .Send("好的").Expect(DialogTexts.Format(JobTexts.Subscribed, "东莞市常平镇 · 工种不限 · 工资不限"))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_location_that_is_no_place_on_earth_is_said_so_and_changes_nothing()
    {
        await Postings.AddAsync(_factory, Dalang);
        var words = new Entity(SharedLocation.EntityType) { Properties = new JObject { ["latitude"] = "北纬23度", ["longitude"] = 113.3 } };

        await Conversation.Start(_factory)
            .Send(Location(999, 113.3)).Expect(JobTexts.LocationUnreadable).Expect(MenuTexts.Choose)
            .Send("岗位查询").Expect(JobTexts.AskRegion)
            .Send(Location(23.2, 999)).Expect(JobTexts.LocationUnreadable).Expect(JobTexts.AskRegion)
            .Send(new Activity(ActivityTypes.Message) { Entities = [words] }).Expect(JobTexts.LocationUnreadable).Expect(JobTexts.AskRegion)
            .Send("广东").Expect(JobTexts.AskTrade)
            .StartTestAsync();
    }

    private static Activity Location(double latitude, double longitude)
    {
        var entity = new Entity();
        entity.SetAs(new GeoCoordinates(latitude: latitude, longitude: longitude, name: "共享的位置", type: SharedLocation.EntityType));
        return new Activity(ActivityTypes.Message) { Entities = [entity] };
    }
}
