using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// Voice messages: WeChat's recognised text is the worker's message; without it (documented as unreliable, often
/// empty) the worker is told kindly, and the dialog they were in stays where it was.
/// </summary>
public sealed class WeChatVoiceTests : IAsyncLifetime
{
    private const string OpenId = "oUser-voice";
    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private FakeWeChatApi _api = null!;
    private PingtangFactory _host = null!;
    private WeChatServer _wechat = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync(_clock);
        _host = WeChatHost.For(_api, _clock);
        _wechat = new WeChatServer(_host.CreateClient(), _clock, safeMode: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_voice_message_with_recognised_text_is_answered_as_that_text()
    {
        var answer = await _wechat.PostAsync(Voice("你好"));

        Assert.StartsWith(MenuTexts.Welcome, answer.Reply?.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voice_message_without_text_is_answered_kindly_and_the_dialog_goes_on_after_it()
    {
        await _wechat.SendTextAsync(OpenId, "你好");
        Assert.Equal(ProfileTexts.Intro, (await _wechat.SendTextAsync(OpenId, "我的信息")).Reply?.Content);

        var voice = await _wechat.PostAsync(Voice(recognition: null));
        var next = await _wechat.SendTextAsync(OpenId, "王师傅");

        Assert.Equal(WeChatTexts.VoiceNotUnderstood, voice.Reply?.Content);
        Assert.Equal(ProfileTexts.AskMobile, next.Reply?.Content);
    }

    private string Voice(string? recognition) =>
        $"<xml><ToUserName>{WeChatServer.Account}</ToUserName><FromUserName>{OpenId}</FromUserName><CreateTime>{_clock.GetUtcNow().ToUnixTimeSeconds()}</CreateTime>"
        + $"<MsgType>voice</MsgType><MediaId>media-voice-1</MediaId><Format>amr</Format>{(recognition is null ? "<Recognition></Recognition>" : $"<Recognition>{recognition}</Recognition>")}<MsgId>{WeChatServer.NextMsgId()}</MsgId></xml>";
}
