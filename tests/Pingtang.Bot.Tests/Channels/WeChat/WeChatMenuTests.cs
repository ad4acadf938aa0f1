using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// The service account's custom menu (自定义菜单): a <c>CLICK</c> whose key is a main-menu line or a global word
/// starts that line whatever dialog the worker is in, where the same words typed would answer the dialog's question.
/// </summary>
public sealed class WeChatMenuTests : IAsyncLifetime
{
    private const string OpenId = "oUser-menu";
    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private FakeWeChatApi _api = null!;
    private PingtangFactory _host = null!;
    private WeChatServer _wechat = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync(_clock);
        _host = WeChatHost.For(_api, _clock);
        _wechat = new WeChatServer(_host.CreateClient(), _clock, safeMode: false);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_menu_tap_in_the_middle_of_a_dialog_starts_that_line_where_the_same_words_typed_would_answer_it()
    {
        await _wechat.SendTextAsync(OpenId, "你好");
        Assert.Equal(ProfileTexts.Intro, (await _wechat.SendTextAsync(OpenId, "我的信息")).Reply?.Content);

        var tapped = await _wechat.PostAsync(Click("岗位查询"));

        Assert.StartsWith(JobTexts.AskRegion, tapped.Reply?.Content, StringComparison.Ordinal);
        Assert.StartsWith(JobTexts.AskTrade, (await _wechat.SendTextAsync(OpenId, "广东")).Reply?.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_menu_tap_of_a_number_or_of_a_global_word_works_as_the_menu_would()
    {
        await _wechat.SendTextAsync(OpenId, "你好");
        await _wechat.SendTextAsync(OpenId, "我的信息");

        var menu = await _wechat.PostAsync(Click("菜单"));
        var first = await _wechat.PostAsync(Click("1"));

        Assert.StartsWith(MenuTexts.Choose, menu.Reply?.Content, StringComparison.Ordinal);
        Assert.StartsWith(JobTexts.AskRegion, first.Reply?.Content, StringComparison.Ordinal);
    }

    private string Click(string key)
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        return $"<xml><ToUserName>{WeChatServer.Account}</ToUserName><FromUserName>{OpenId}</FromUserName><CreateTime>{_clock.GetUtcNow().ToUnixTimeSeconds()}</CreateTime><MsgType>event</MsgType><Event>CLICK</Event><EventKey>{key}</EventKey></xml>";
    }
}
