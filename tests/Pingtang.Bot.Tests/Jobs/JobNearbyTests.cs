using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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
/// A shared location (a Bot Framework <c>GeoCoordinates</c> entity, as WeChat's 位置 becomes) shows the open postings
/// of the nearest place that has some, as the job search's results, wherever the worker was.
/// </summary>
public sealed class JobNearbyTests : IDisposable
{
    private static readonly JobPostingDraft Dalang = JobDrafts.Factory;

    private static readonly JobPostingDraft Baiyun = JobDrafts.Factory with
    {
        ExternalId = "GZ-1", Title = "服装厂普工", City = "广州", District = "白云区", Station = Station.GuangzhouBaiyun,
    };

    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_location_near_a_district_with_postings_lists_them_with_the_distance_and_one_can_be_opened_and_applied_for()
    {
        await Postings.AddAsync(_factory, Dalang, Baiyun);

        await Conversation.Start(_factory)
            .Send(Location(22.98, 114.02)).Expect(DialogTexts.Format(JobTexts.NearestPlace, "东莞市大朗镇", 9))
            .Expect("找到1个岗位", "1. 电子厂普工 · 东莞市大朗镇", JobTexts.BrowseHint)
            .Send("1").Expect("【1】电子厂普工", "1. 我要报名")
            .Send("我要报名").Expect(JobTexts.AskMobile)
            .Send("13812345678").Expect("报名成功", "东莞市大朗镇劳务协作站")
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var application = await scope.ServiceProvider.GetRequiredService<PingtangDb>().JobApplications.Include(a => a.JobPosting).SingleAsync();
        Assert.Equal("GD-1", application.JobPosting!.ExternalId);
    }

    [Fact]
    public async Task A_location_in_the_middle_of_a_dialog_leaves_it_for_the_nearest_postings()
    {
        await Postings.AddAsync(_factory, Dalang, Baiyun);

        await Conversation.Start(_factory)
            .Send("我的信息").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Send(Location(23.2, 113.3)).Expect(DialogTexts.Format(JobTexts.NearestPlace, "广州市白云区", 5))
            .Expect("找到1个岗位", "1. 服装厂普工 · 广州市白云区")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_location_that_is_no_place_on_earth_is_said_so_and_changes_nothing()
    {
        await Postings.AddAsync(_factory, Dalang);

        await Conversation.Start(_factory)
            .Send(Location(999, 113.3)).Expect(JobTexts.LocationUnreadable).Expect(MenuTexts.AnythingElse)
            .Send("1").Expect(JobTexts.AskRegion)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_location_when_nothing_is_open_says_so()
    {
        await Conversation.Start(_factory)
            .Send(Location(22.98, 114.02)).Expect(JobTexts.NothingAtAll).Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    private static Activity Location(double latitude, double longitude)
    {
        var entity = new Entity();
        entity.SetAs(new GeoCoordinates(latitude: latitude, longitude: longitude, type: SharedLocation.EntityType));
        return new Activity(ActivityTypes.Message) { Entities = [entity] };
    }
}
