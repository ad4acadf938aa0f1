using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Profile;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;

namespace Pingtang.Bot.Tests.Menu;

public sealed class GlobalWordsTests : IDisposable
{
    private readonly PingtangFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Help_mid_dialog_explains_the_words_and_asks_the_same_question_again()
    {
        await Conversation.Start(_factory).AtMobileQuestion()
            .Send("帮助").Expect("「菜单」", "「取消」", "「人工」", "「退订」")
            .Expect(ProfileTexts.AskMobile)
            .Send("13812345678").Expect(ProfileTexts.AskBirthYear)
            .StartTestAsync();
    }

    [Fact]
    public async Task Human_mid_dialog_leaves_it_for_the_station_queue_and_the_menu()
    {
        await Conversation.Start(_factory).AtMobileQuestion()
            .Send("人工").Expect("已通知平塘县就业服务中心的工作人员")
            .Expect(MenuTexts.AnythingElse)
            .Send("13812345678").Expect(MenuTexts.Welcome, MenuTexts.Choose)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("取消", MenuTexts.Cancelled)]
    [InlineData("菜单", MenuTexts.Choose)]
    [InlineData("  菜单。", MenuTexts.Choose)]
    public async Task Cancel_or_menu_mid_dialog_leaves_it_for_the_main_menu(string word, string reply)
    {
        await Conversation.Start(_factory).AtMobileQuestion()
            .Send(word).Expect(reply, "1. 岗位查询")
            .Send("13812345678").Expect(MenuTexts.Welcome, MenuTexts.Choose)
            .StartTestAsync();
    }

    [Fact]
    public async Task Unsubscribe_turns_reminders_off_and_the_dialog_goes_on()
    {
        await Conversation.Start(_factory).AtTownshipQuestion()
            .Send("2").Expect(ProfileTexts.AskCity)
            .Send("东莞").Expect(ProfileTexts.AskTrades)
            .Send("1").Expect(ProfileTexts.AskReminders)
            .Send("是").Expect("接收提醒：是").Expect(ProfileTexts.Confirm)
            .Send("是").Expect(ProfileTexts.Saved).Expect(MenuTexts.AnythingElse)
            .Send("退订").Expect(MenuTexts.Unsubscribed).Expect(MenuTexts.Choose)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(Assert.Single(scope.ServiceProvider.GetRequiredService<PingtangDb>().Workers).AcceptsReminders);
    }

    [Fact]
    public async Task A_global_word_inside_a_sentence_is_an_ordinary_answer()
    {
        await Conversation.Start(_factory).AtNameQuestion()
            .Send("帮助我的人").Expect(ProfileTexts.AskMobile)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("４")]
    [InlineData("第四个")]
    public async Task Menu_line_four_opens_the_return_trip_sign_up(string answer)
    {
        await Conversation.Start(_factory)
            .Send(answer).Expect(Pingtang.Bot.ReturnTrips.ReturnTripTexts.NoDepartures)
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_menu_line_whose_dialog_is_not_there_says_so_and_shows_the_menu_again()
    {
        // Every line is built now; a host without one (a feature left out) must still answer its line politely.
        using var factory = new PingtangFactory(services: s =>
            s.Remove(s.Single(d => d.ServiceType == typeof(Dialog) && d.ImplementationType == typeof(Pingtang.Bot.ReturnTrips.ReturnTripDialog))));

        await Conversation.Start(factory)
            .Send("4").Expect("「返岗报名」功能正在建设中")
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }

    [Fact]
    public async Task Three_wrong_answers_give_up_politely_and_return_to_the_menu()
    {
        await Conversation.Start(_factory).AtMobileQuestion()
            .Send("不知道").Expect(DialogTexts.NeedMobile)
            .Send("123").Expect(DialogTexts.NeedMobile)
            .Send("abc").Expect(DialogTexts.GaveUp)
            .Expect(MenuTexts.AnythingElse)
            .StartTestAsync();
    }
}
