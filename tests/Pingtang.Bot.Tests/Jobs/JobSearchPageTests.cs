using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>A worker on a phone finds, opens and applies for demo postings, by the menu's buttons and by typing.</summary>
public sealed class JobSearchPageTests
{
    [Fact]
    public async Task Worker_finds_opens_and_applies_by_menu_and_by_typing()
    {
        await using var host = LiveHost.Start();
        await SeedDemoAsync(host.Factory, 3000);
        await using var phone = await Phone.OpenAsync(host.BaseUrl + "/", "webchat-jobs.png");
        await phone.SeesAsync("您好");

        await phone.TapAsync("岗位查询");
        await phone.SeesAsync(JobTexts.AskRegion);
        await phone.TapAsync("广东");
        await phone.SeesAsync(JobTexts.AskTrade);
        await phone.TapAsync("普工");
        await phone.SeesAsync(JobTexts.AskPay);
        await phone.TapAsync("4000元以上");
        await phone.SeesAsync("（第1/");
        await phone.TapAsync("1");
        await phone.SeesAsync("【1】");
        await phone.TapAsync(JobTexts.Apply);
        await phone.SeesAsync(JobTexts.AskMobile);
        await phone.TypeAsync("13812345678");
        await phone.SeesAsync("报名成功");

        await phone.SeesAsync("找到");

        // The typed search's results: the worker's message and the new list.
        await phone.AwaitMessagesAsync(2, () => phone.TypeAsync("东莞 电工 6000以上"));
        await phone.TapAsync("2");
        await phone.SeesAsync("【2】");
        // The tap, 报名成功 and the list again.
        await phone.AwaitMessagesAsync(3, () => phone.TapAsync(JobTexts.Apply));

        await using var scope = host.Factory.Services.CreateAsyncScope();
        Assert.Equal(2, scope.ServiceProvider.GetRequiredService<PingtangDb>().JobApplications.Count());
    }

    private static async Task SeedDemoAsync(PingtangFactory factory, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<JobImport>();
        var drafts = DemoJobs.Generate(count, ChinaTime.Today(TimeProvider.System));
        var report = await import.ImportDraftsAsync(drafts, count, DemoJobs.Source, progress: null, default);
        Assert.Equal(count, report.Added);
    }
}
