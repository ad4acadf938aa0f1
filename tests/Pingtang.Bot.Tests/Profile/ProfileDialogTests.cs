using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Profile;

public sealed class ProfileDialogTests : IDisposable
{
    private readonly PingtangFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task New_worker_fills_in_profile_fixes_one_field_and_it_is_saved()
    {
        await Conversation.Start(_factory)
            .Send("你好").Expect(MenuTexts.Welcome, "1. 岗位查询", "5. 我的信息")
            .Send("5").Expect(ProfileTexts.Intro)
            .Expect(ProfileTexts.AskName)
            .Send("王师傅").Expect(ProfileTexts.AskMobile)
            .Send("12345").Expect(DialogTexts.NeedMobile, ProfileTexts.AskMobile)
            .Send("138 1234 5678").Expect(ProfileTexts.AskBirthYear)
            .Send("七八年").Expect(ProfileTexts.AskTownship, "3. 掌布镇", "11. 卡蒲毛南族乡")
            .Send("第三个").Expect(ProfileTexts.AskCity)
            .Send("东莞").Expect(ProfileTexts.AskTrades, "2. 电工")
            .Send("2、3").Expect(ProfileTexts.AskReminders)
            .Send("好的").Expect("称呼：王师傅", "手机号：13812345678", "出生年份：1978年", "户籍乡镇：掌布镇", "现在所在城市：东莞", "会的工种：电工、焊工", "接收提醒：是")
            .Expect(ProfileTexts.Confirm)
            .Send("不对").Expect(ProfileTexts.PickField, "5. 现在所在城市")
            .Send("现在所在城市").Expect(ProfileTexts.AskCity)
            .Send("广州白云区").Expect("现在所在城市：广州白云区")
            .Expect(ProfileTexts.Confirm)
            .Send("是").Expect(ProfileTexts.Saved)
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();

        var saved = (await SingleWorkerAsync()).Profile;
        Assert.Equal(
            new WorkerProfile("王师傅", "13812345678", 1978, "掌布镇", "广州白云区", saved.Trades, true),
            saved);
        Assert.Equal(["电工", "焊工"], saved.Trades);
    }

    [Fact]
    public async Task Returning_worker_sees_summary_and_changes_one_field()
    {
        await FillProfileAsync("worker-1");

        await Conversation.Start(_factory)
            .Send("我的信息").Expect("称呼：李姐", "出生年份：1985年")
            .Expect(ProfileTexts.ConfirmExisting)
            .Send("否").Expect(ProfileTexts.PickField)
            .Send("3").Expect(ProfileTexts.AskBirthYear)
            .Send("1990年").Expect("出生年份：1990年")
            .Expect(ProfileTexts.Confirm)
            .Send("是").Expect(ProfileTexts.Saved)
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();

        Assert.Equal(1990, (await SingleWorkerAsync()).BirthYear);
    }

    [Fact]
    public async Task Returning_worker_who_confirms_keeps_profile_unchanged()
    {
        await FillProfileAsync("worker-1");

        await Conversation.Start(_factory)
            .Send("5").Expect("称呼：李姐").Expect(ProfileTexts.ConfirmExisting)
            .Send("对").Expect(ProfileTexts.Unchanged)
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("1800", "出生年份应在")]
    [InlineData("2020", "出生年份应在")]
    [InlineData("不知道", ProfileTexts.NeedYear)]
    public async Task Birth_year_outside_working_age_or_unreadable_is_asked_again(string answer, string explanation)
    {
        await Conversation.Start(_factory).AtBirthYearQuestion()
            .Send(answer).Expect(explanation, ProfileTexts.AskBirthYear)
            .Send("1995").Expect(ProfileTexts.AskTownship)
            .StartTestAsync();
    }

    [Fact]
    public async Task Over_long_name_is_refused_with_the_limit()
    {
        await Conversation.Start(_factory).AtNameQuestion()
            .Send(new string('王', Worker.NameMaxLength + 1)).Expect($"不超过{Worker.NameMaxLength}个字", ProfileTexts.AskName)
            .StartTestAsync();
    }

    [Fact]
    public async Task Township_outside_the_list_is_asked_again()
    {
        await Conversation.Start(_factory).AtTownshipQuestion()
            .Send("12").Expect(DialogTexts.NeedChoice, ProfileTexts.AskTownship)
            .Send("北京").Expect(DialogTexts.NeedChoice)
            .Send("卡蒲").Expect(ProfileTexts.AskCity)
            .StartTestAsync();
    }

    private async Task FillProfileAsync(string userId)
    {
        await Conversation.Start(_factory, userId)
            .Send("我的信息").Expect(ProfileTexts.Intro).Expect(ProfileTexts.AskName)
            .Send("李姐").Expect(ProfileTexts.AskMobile)
            .Send("13698765432").Expect(ProfileTexts.AskBirthYear)
            .Send("1985").Expect(ProfileTexts.AskTownship)
            .Send("1").Expect(ProfileTexts.AskCity)
            .Send("平塘").Expect(ProfileTexts.AskTrades)
            .Send("家政").Expect(ProfileTexts.AskReminders)
            .Send("不要").Expect("接收提醒：否").Expect(ProfileTexts.Confirm)
            .Send("是").Expect(ProfileTexts.Saved).Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    private async Task<Worker> SingleWorkerAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        return Assert.Single(db.Workers.ToList());
    }
}
