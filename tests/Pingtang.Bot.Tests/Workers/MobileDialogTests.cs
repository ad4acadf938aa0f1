using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Training;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Tests.Jobs;

namespace Pingtang.Bot.Tests.Workers;

/// <summary>The phone number asked for by the feature that needs it first, and known to every feature after.</summary>
public sealed class MobileDialogTests : IDisposable
{
    private readonly PingtangFactory _factory = new(clock: new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_wrong_number_is_asked_for_again_in_the_features_words_and_a_good_one_goes_to_the_profile()
    {
        await Postings.AddAsync(_factory, JobDrafts.Factory);

        await Conversation.Start(_factory)
            .Send("东莞 普工").Expect("找到1个岗位")
            .Send("1").Expect("【1】电子厂普工")
            .Send("我要报名").Expect(JobTexts.AskMobile)
            .Send("12345").Expect(DialogTexts.NeedMobile, JobTexts.AskMobile)
            .Send("138 1234 5678").Expect("报名成功", "138****5678")
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal("13812345678", (await scope.ServiceProvider.GetRequiredService<PingtangDb>().Workers.SingleAsync()).Mobile);
    }

    [Fact]
    public async Task A_number_given_when_applying_for_a_job_is_not_asked_for_again_when_enrolling()
    {
        await Postings.AddAsync(_factory, JobDrafts.Factory);
        await Sessions.PlanAsync(_factory, "焊工", Sessions.Welding);
        await Conversation.Start(_factory)
            .Send("东莞 普工").Expect("找到1个岗位")
            .Send("1").Expect("【1】电子厂普工")
            .Send("我要报名").Expect(JobTexts.AskMobile)
            .Send("13812345678").Expect("报名成功")
            .StartTestAsync();

        await Conversation.Start(_factory)
            .Send("培训报名").Expect(TrainingTexts.AskCourse)
            .Send("焊工").Expect("12月10日开班")
            .Send("1").Expect(TrainingTexts.Confirm)
            .Send("是").Expect(TrainingTexts.AskName)
            .Send("王师傅").Expect("报名成功！确认码：")
            .StartTestAsync();
    }
}
