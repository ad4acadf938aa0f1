using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// The service account's custom menu (自定义菜单): a <c>CLICK</c> whose key is a main-menu line or a global word
/// starts that line whatever dialog the worker is in, where the same words typed would answer the dialog's question.
/// </summary>
public sealed class WeChatMenuTests() : WeChatWorkerTest(safeMode: false)
{
    private const string OpenId = "oUser-menu";

    [Fact]
    public async Task A_menu_tap_in_the_middle_of_a_dialog_starts_that_line_where_the_same_words_typed_would_answer_it()
    {
        await WeChat.SendTextAsync(OpenId, "你好");
        Assert.Equal(ProfileTexts.Intro, (await WeChat.SendTextAsync(OpenId, "我的信息")).Reply?.Content);

        var tapped = await WeChat.PostAsync(Click("岗位查询"));

        Assert.StartsWith(JobTexts.AskRegion, tapped.Reply?.Content, StringComparison.Ordinal);
        Assert.StartsWith(JobTexts.AskTrade, (await WeChat.SendTextAsync(OpenId, "广东")).Reply?.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_menu_tap_of_a_number_or_of_a_global_word_works_as_the_menu_would()
    {
        await WeChat.SendTextAsync(OpenId, "你好");
        await WeChat.SendTextAsync(OpenId, "我的信息");

        var menu = await WeChat.PostAsync(Click("菜单"));
        var first = await WeChat.PostAsync(Click("1"));

        Assert.StartsWith(MenuTexts.Choose, menu.Reply?.Content, StringComparison.Ordinal);
        Assert.StartsWith(JobTexts.AskRegion, first.Reply?.Content, StringComparison.Ordinal);
    }

    private string Click(string key) => Sent(OpenId, WeChatFields.Event("CLICK", key));
}
