using Microsoft.Extensions.Logging;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// Customer-service and template messages and media through the real host's <see cref="WeChatApi"/>: a refused
/// token is refreshed once and the call made again, WeChat's other refusals reach the caller untouched.
/// </summary>
public sealed class WeChatApiTests : IAsyncLifetime
{
    private const string Worker = "oPingtang_worker_0001";
    private const string CustomSend = "/cgi-bin/message/custom/send";

    private FakeWeChatApi _wechat = null!;
    private PingtangFactory _host = null!;

    public async Task InitializeAsync()
    {
        _wechat = await FakeWeChatApi.StartAsync();
        _host = WeChatHost.For(_wechat);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _wechat.DisposeAsync();
    }

    [Fact]
    public async Task A_text_reaches_the_worker_as_written_with_nothing_escaped_to_unicode()
    {
        const string text = "您好！请回复数字：\n1. 岗位查询\n2. 培训报名 👍 <a href=\"https://jiuye.example.gov.cn\">详情</a>";

        await _host.Api().SendTextAsync(Worker, text, default);

        var sent = Assert.Single(_wechat.SentTo(Worker));
        Assert.Equal(("text", text), (sent.MsgType, sent.Text));
        Assert.DoesNotContain("\\u", sent.Body, StringComparison.Ordinal);
        Assert.Contains("培训报名 👍 <a href=", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_message_carries_its_fields_and_its_link_only_when_there_is_one()
    {
        var fields = new Dictionary<string, string> { ["thing1"] = "返岗专车 2月15日", ["time2"] = "2027-02-15 07:30" };

        await _host.Api().SendTemplateAsync(Worker, "tmpl-return-trip", fields, "https://jiuye.example.gov.cn/trips/7", default);
        await _host.Api().SendTemplateAsync(Worker, "tmpl-return-trip", fields, null, default);

        var sent = _wechat.SentTo(Worker);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal(("tmpl-return-trip", "返岗专车 2月15日", "2027-02-15 07:30"), (s.TemplateId, s.Data["thing1"], s.Data["time2"])));
        Assert.Equal("https://jiuye.example.gov.cn/trips/7", sent[0].Url);
        Assert.DoesNotContain("\"url\"", sent[1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40001)]
    [InlineData(42001)]
    [InlineData(40014)]
    public async Task A_token_refused_in_the_middle_of_sending_is_refreshed_once_and_the_message_sent(int errorCode)
    {
        var api = _host.Api();
        await api.SendTextAsync(Worker, "第一条", default);
        _wechat.InvalidateToken(errorCode);

        await api.SendTextAsync(Worker, "第二条", default);

        Assert.Equal(["第一条", "第二条"], _wechat.SentTo(Worker).Select(s => s.Text));
        Assert.Equal(3, _wechat.Calls(CustomSend));
        Assert.Equal(2, _wechat.Calls("/cgi-bin/stable_token"));
        Assert.Equal(0, _wechat.ForcedRefreshes);
    }

    [Fact]
    public async Task Two_senders_refused_at_once_cause_one_refresh()
    {
        var api = _host.Api();
        await api.SendTextAsync(Worker, "第一条", default);
        _wechat.InvalidateToken();
        _wechat.Delay = TimeSpan.FromMilliseconds(200);

        await Task.WhenAll(Task.Run(() => api.SendTextAsync("oWorker_a", "甲", default)), Task.Run(() => api.SendTextAsync("oWorker_b", "乙", default)));

        Assert.Equal(("甲", "乙"), (Assert.Single(_wechat.SentTo("oWorker_a")).Text, Assert.Single(_wechat.SentTo("oWorker_b")).Text));
        Assert.Equal(2, _wechat.Calls("/cgi-bin/stable_token"));
    }

    [Fact]
    public async Task A_token_refused_again_after_the_refresh_is_thrown_without_a_third_try()
    {
        var api = _host.Api();
        await api.SendTextAsync(Worker, "第一条", default);
        _wechat.RefuseNextCalls(5);

        var refused = await Assert.ThrowsAsync<WeChatApiException>(() => api.SendTextAsync(Worker, "第二条", default));

        Assert.True(refused.IsTokenRefused);
        Assert.Equal(3, _wechat.Calls(CustomSend));
        // The normal mode gave the refused token back, so the one refresh was forced: three calls, two tokens.
        Assert.Equal((3, 2, 1), (_wechat.Calls("/cgi-bin/stable_token"), _wechat.TokensIssued, _wechat.ForcedRefreshes));
        Assert.Single(_wechat.SentTo(Worker));
    }

    [Theory]
    [InlineData(45015)]
    [InlineData(45047)]
    [InlineData(45009)]
    public async Task Windows_quotas_and_the_daily_limit_reach_the_caller_untried(int errorCode)
    {
        switch (errorCode)
        {
            case 45015:
                _wechat.CloseWindow(Worker);
                break;
            case 45047:
                _wechat.SpendQuota(Worker);
                break;
            default:
                _wechat.DailyLimitReached = true;
                break;
        }

        var refused = await Assert.ThrowsAsync<WeChatApiException>(() => _host.Api().SendTextAsync(Worker, "您的返岗专车明天出发", default));

        Assert.Equal(errorCode, refused.ErrorCode);
        Assert.Equal((errorCode == 45015, errorCode == 45047, errorCode == 45009, false), (refused.IsOutsideWindow, refused.IsOverQuota, refused.IsDailyLimit, refused.IsTokenRefused));
        Assert.Equal(1, _wechat.Calls(CustomSend));
        Assert.Empty(_wechat.SentTo(Worker));
    }

    [Fact]
    public async Task A_photo_comes_with_its_content_type_and_file_name()
    {
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 };
        _wechat.AddMedia("media-photo", photo, "image/jpeg", "media-photo.jpg");

        var media = await _host.Api().DownloadMediaAsync("media-photo", default);

        Assert.Equal(photo, media.Content);
        Assert.Equal(("image/jpeg", "media-photo.jpg"), (media.ContentType, media.FileName));
    }

    [Fact]
    public async Task A_video_is_fetched_from_the_video_url_WeChat_answers_with()
    {
        var video = new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70 };
        _wechat.AddVideo("media-video", video);

        var media = await _host.Api().DownloadMediaAsync("media-video", default);

        Assert.Equal(video, media.Content);
        Assert.Equal(("video/mp4", "media-video.mp4"), (media.ContentType, media.FileName));
    }

    [Fact]
    public async Task Media_WeChat_does_not_know_is_its_refusal()
    {
        var refused = await Assert.ThrowsAsync<WeChatApiException>(() => _host.Api().DownloadMediaAsync("gone", default));

        Assert.Equal(40007, refused.ErrorCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Media_over_ten_megabytes_is_refused_whether_or_not_its_length_was_announced(bool announced)
    {
        _wechat.AddMedia("media-big", new byte[WeChatApi.MaxMediaBytes + 1], "video/mp4", "media-big.mp4", announced);
        _wechat.AddMedia("media-most", new byte[WeChatApi.MaxMediaBytes], "video/mp4", "media-most.mp4", announced);

        var refused = await Assert.ThrowsAsync<WeChatMediaTooLargeException>(() => _host.Api().DownloadMediaAsync("media-big", default));

        Assert.Equal(WeChatApi.MaxMediaBytes, refused.Limit);
        Assert.Equal(WeChatApi.MaxMediaBytes, (await _host.Api().DownloadMediaAsync("media-most", default)).Content.Length);
    }

    [Theory]
    [InlineData(502, "text/html", "<html><body>502 Bad Gateway</body></html>")]
    [InlineData(200, "text/html", "<html><body>维护中</body></html>")]
    [InlineData(200, "application/json", "[1, 2")]
    public async Task An_answer_that_is_not_WeChats_JSON_is_an_HTTP_failure(int status, string contentType, string body)
    {
        _wechat.AnswerNextWith(status, contentType, body);

        var failed = await Assert.ThrowsAsync<HttpRequestException>(() => _host.Api().SendTextAsync(Worker, "您好", default));

        Assert.Contains("cgi-bin/message/custom/send", failed.Message, StringComparison.Ordinal);
        Assert.Equal(1, _wechat.Calls(CustomSend));
    }
}

/// <summary>What an operator's log shows of WeChat calls, at every level: never the access_token or the AppSecret.</summary>
public sealed class WeChatLogTests
{
    [Fact]
    public async Task No_token_or_secret_appears_in_the_log_even_at_trace()
    {
        await using var wechat = await FakeWeChatApi.StartAsync();
        var log = new LogRecorder();
        var verbose = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace" };
        await using var host = WeChatHost.For(wechat, log: log, settings: verbose);
        var api = host.Api();
        wechat.AddMedia("media-photo", [1, 2, 3], "image/jpeg", "media-photo.jpg");

        await api.SendTextAsync("oPingtang_worker_0001", "您好", default);
        wechat.InvalidateToken();
        await api.SendTemplateAsync("oPingtang_worker_0001", "tmpl", new Dictionary<string, string> { ["thing1"] = "培训" }, null, default);
        await api.DownloadMediaAsync("media-photo", default);
        wechat.RefuseNextCalls(2);
        await Assert.ThrowsAsync<WeChatApiException>(() => api.SendTextAsync("oPingtang_worker_0001", "您好", default));

        var written = log.Entries.Select(e => e.Written).ToList();
        // The HttpClient factory's own lines are there, with the query of each URI starred out.
        Assert.Contains(log.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient.WeChat", StringComparison.Ordinal) && e.Message.Contains("cgi-bin/message/custom/send?*", StringComparison.Ordinal));
        Assert.DoesNotContain(written, w => w.Contains("token-", StringComparison.Ordinal) || w.Contains(FakeWeChatApi.AppSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(written, w => w.Contains("您好", StringComparison.Ordinal));
        Assert.DoesNotContain(log.AtLeast(LogLevel.Warning), e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));
    }
}
