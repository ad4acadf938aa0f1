using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// <c>/api/wechat</c> through the real host, as WeChat's server calls it: the URL check, messages in plaintext and in
/// safe mode with the passive reply, and every request it must refuse without a turn.
/// </summary>
public sealed class WeChatEndpointTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestClock.Now);
    private FakeWeChatApi _api = null!;
    private PingtangFactory _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = WeChatHost.For(_api, _clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task The_url_check_echoes_echostr_when_signed_with_the_token_and_is_refused_otherwise()
    {
        using var client = _host.CreateClient();
        var signature = WeChatSignature.Of(WeChatServer.Token, "1764381600", "8371");

        var good = await client.GetAsync($"{WeChatEndpoint.Path}?signature={signature}&timestamp=1764381600&nonce=8371&echostr=6523871690");
        var bad = await client.GetAsync($"{WeChatEndpoint.Path}?signature={signature}&timestamp=1764381601&nonce=8371&echostr=6523871690");

        Assert.Equal((HttpStatusCode.OK, "6523871690"), (good.StatusCode, await good.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_text_message_is_answered_in_the_response_to_the_user_from_the_account(bool safeMode)
    {
        var wechat = Server(safeMode);

        var answer = await wechat.SendTextAsync("oUser-hello", "你好");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var reply = Assert.IsType<WeChatMessage>(answer.Reply);
        Assert.Equal(("oUser-hello", WeChatServer.Account, "text"), (reply.ToUserName, reply.FromUserName, reply.MsgType));
        Assert.StartsWith(MenuTexts.Welcome, reply.Content, StringComparison.Ordinal);
        Assert.Equal(safeMode, answer.Body.Contains("<Encrypt>", StringComparison.Ordinal));
        Assert.Equal(!safeMode, answer.Body.Contains(MenuTexts.Welcome, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Three_tries_of_one_message_at_once_run_one_turn_and_get_the_same_answer(bool safeMode)
    {
        var wechat = Server(safeMode);
        var xml = wechat.Text("oUser-retry", "你好", WeChatServer.NextMsgId());

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => wechat.PostAsync(xml)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers.Select(a => a.Reply?.Content).Distinct());
        Assert.NotNull(answers[0].Reply);
        Assert.Single(await AddressesAsync());
        var later = await wechat.PostAsync(xml);
        Assert.Equal(answers[0].Reply!.Content, later.Reply?.Content);
        Assert.Equal(1, await InboxCountAsync());
    }

    [Fact]
    public async Task A_forged_signature_a_stale_timestamp_or_a_wrong_token_is_refused_and_changes_nothing()
    {
        var wechat = Server(safeMode: false);
        var xml = wechat.Text("oUser-forged", "你好", WeChatServer.NextMsgId());

        var wrongToken = await wechat.PostAsync(xml, token: "not-our-token");
        var stale = await wechat.PostAsync(xml, timestamp: _clock.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds());
        var future = await wechat.PostAsync(xml, timestamp: _clock.GetUtcNow().AddMinutes(6).ToUnixTimeSeconds());

        Assert.All([wrongToken, stale, future], a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task In_safe_mode_a_wrong_app_id_inside_the_ciphertext_or_a_forged_msg_signature_is_refused()
    {
        var wechat = Server(safeMode: true);
        var xml = wechat.Text("oUser-appid", "你好", WeChatServer.NextMsgId());
        using var client = _host.CreateClient();
        var stamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        var signature = WeChatSignature.Of(WeChatServer.Token, $"{stamp}", "42");
        var forged = await client.PostAsync(
            $"{WeChatEndpoint.Path}?signature={signature}&timestamp={stamp}&nonce=42&encrypt_type=aes&msg_signature=0000",
            new StringContent($"<xml><ToUserName>{WeChatServer.Account}</ToUserName><Encrypt>{new WeChatCipher(WeChatServer.EncodingAesKey, WeChatServer.AppId).Encrypt(xml)}</Encrypt></xml>"));

        var wrongAppId = await wechat.PostAsync(xml, appId: "wx0000000000000000");

        Assert.Equal(HttpStatusCode.BadRequest, wrongAppId.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("<xml><ToUserName>gh</ToUserName><FromUserName>oUser-x</FromUserName>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><ToUserName>gh</ToUserName><FromUserName>oUser-x</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&b;</Content><MsgId>1</MsgId></xml>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>gh</ToUserName><FromUserName>oUser-x</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>2</MsgId></xml>")]
    [InlineData("<html><body>你好</body></html>")]
    [InlineData("<xml><ToUserName>gh</ToUserName><MsgType>text</MsgType><Content>无人发送</Content><MsgId>3</MsgId></xml>")]
    public async Task Malformed_xml_a_doctype_or_an_external_entity_is_refused_in_both_modes_and_changes_nothing(string xml)
    {
        foreach (var safeMode in new[] { false, true })
        {
            var answer = await Server(safeMode).PostAsync(xml);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.DoesNotContain("root:", answer.Body, StringComparison.Ordinal);
        }

        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_is_read_whole()
    {
        var answer = await Server(safeMode: false).PostAsync($"<xml><Content>{new string('长', WeChatXml.MaxBytes)}</Content></xml>");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task Without_the_channels_settings_the_endpoint_is_not_there()
    {
        await using var plain = new PingtangFactory(clock: _clock);
        var answer = await new WeChatServer(plain.CreateClient(), _clock, safeMode: false).SendTextAsync("oUser-none", "你好");
        var check = await plain.CreateClient().GetAsync($"{WeChatEndpoint.Path}?signature=x&timestamp=1&nonce=2&echostr=3");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
    }

    [Fact]
    public async Task A_message_is_remembered_for_two_days_then_the_daily_job_forgets_it()
    {
        await Server(safeMode: false).SendTextAsync("oUser-old", "你好");
        var inbox = _host.Services.GetRequiredService<WeChatInbox>();

        _clock.Advance(WeChatInbox.Kept - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await inbox.ForgetOldAsync(default));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await inbox.ForgetOldAsync(default));
        Assert.Equal(0, await InboxCountAsync());
    }

    private WeChatServer Server(bool safeMode) => new(_host.CreateClient(), _clock, safeMode);

    private async Task AssertNothingHappenedAsync()
    {
        Assert.Empty(await AddressesAsync());
        Assert.Equal(0, await InboxCountAsync());
        await using var scope = _host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PingtangDb>().Workers.CountAsync());
    }

    private async Task<List<WorkerAddress>> AddressesAsync()
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        return await db.Set<WorkerAddress>().AsNoTracking().Where(a => a.ChannelId == WeChatAdapter.ChannelId).ToListAsync();
    }

    private async Task<int> InboxCountAsync()
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        return await db.Set<WeChatInboxEntry>().CountAsync();
    }
}
