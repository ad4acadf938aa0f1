using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// WeChat's API (api.weixin.qq.com) on 127.0.0.1, written from WeChat's documentation: access tokens from
/// <c>/cgi-bin/stable_token</c> (normal mode gives the current token until its last five minutes, force_refresh a
/// new one that ends the old) and <c>/cgi-bin/token</c> (each call a new one that ends the old), numbered
/// <c>token-1</c>, <c>token-2</c>…; customer-service and template messages, recorded per openid in order; media
/// the test registered. Every refusal is HTTP 200 with an <c>errcode</c>, as WeChat's are. Its clock is the test's,
/// so a token expires when the test moves time on.
/// </summary>
public sealed class FakeWeChatApi : IAsyncDisposable
{
    public const string AppId = "wx5f0e2a9c3b7d4e61";

    public const string AppSecret = "3c9a1f0e7b2d4c6a8e5f1b3d7a9c2e4f";

    private static readonly TimeSpan Handover = TimeSpan.FromMinutes(5);

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _valid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _refused = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeWeChatMessage>> _sent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeMedia> _media = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closedWindows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _spentQuotas = new(StringComparer.Ordinal);
    private string? _current;
    private int _issued;
    private int _forced;
    private int _refuseNext;
    private int _refuseNextWith;
    private (int Status, string ContentType, string Body)? _nextAnswer;

    private FakeWeChatApi(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>What tests set as <c>WeChat:ApiBaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The <c>expires_in</c> of the tokens it issues from now on.</summary>
    public int ExpiresIn { get; set; } = 7200;

    /// <summary>How long every answer waits, so that callers overlap.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The account's daily quota of message and media calls is spent: they are refused with 45009.</summary>
    public bool DailyLimitReached { get; set; }

    /// <summary>Tokens issued, by either token endpoint, forced or not.</summary>
    public int TokensIssued
    {
        get
        {
            lock (_lock)
            {
                return _issued;
            }
        }
    }

    public int ForcedRefreshes
    {
        get
        {
            lock (_lock)
            {
                return _forced;
            }
        }
    }

    public static async Task<FakeWeChatApi> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeWeChatApi(app, time ?? TimeProvider.System);
        app.MapPost("/cgi-bin/stable_token", fake.StableTokenAsync);
        app.MapGet("/cgi-bin/token", fake.TokenAsync);
        app.MapPost("/cgi-bin/message/custom/send", fake.CustomSendAsync);
        app.MapPost("/cgi-bin/message/template/send", fake.TemplateSendAsync);
        app.MapGet("/cgi-bin/media/get", fake.MediaAsync);
        app.MapGet("/video/{mediaId}", fake.Video);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>The current token is refused from now on with <paramref name="errorCode"/> (40001, 40014, 42001); <c>stable_token</c> issues another.</summary>
    public void InvalidateToken(int errorCode = 40001)
    {
        lock (_lock)
        {
            if (_current is not null)
            {
                _valid.Remove(_current);
                _refused[_current] = errorCode;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> message or media calls are refused with <paramref name="errorCode"/>, whatever token they carry.</summary>
    public void RefuseNextCalls(int count, int errorCode = 40001)
    {
        lock (_lock)
        {
            _refuseNext = count;
            _refuseNextWith = errorCode;
        }
    }

    /// <summary>The worker last wrote more than 48 hours ago: customer-service messages to them get 45015.</summary>
    public void CloseWindow(string openId)
    {
        lock (_lock)
        {
            _closedWindows.Add(openId);
        }
    }

    /// <summary>The customer-service messages allowed since the worker's last message are spent: 45047.</summary>
    public void SpendQuota(string openId)
    {
        lock (_lock)
        {
            _spentQuotas.Add(openId);
        }
    }

    /// <summary>The next message or media call, after its token was checked, gets this answer instead.</summary>
    public void AnswerNextWith(int status, string contentType, string body)
    {
        lock (_lock)
        {
            _nextAnswer = (status, contentType, body);
        }
    }

    /// <summary>A file <c>/cgi-bin/media/get</c> serves; <paramref name="announceLength"/> false sends it chunked, with no Content-Length.</summary>
    public void AddMedia(string mediaId, byte[] content, string contentType, string fileName, bool announceLength = true)
    {
        lock (_lock)
        {
            _media[mediaId] = new FakeMedia(content, contentType, fileName, announceLength, IsVideo: false);
        }
    }

    /// <summary>A video, which <c>/cgi-bin/media/get</c> answers with a <c>video_url</c> to download it from.</summary>
    public void AddVideo(string mediaId, byte[] content)
    {
        lock (_lock)
        {
            _media[mediaId] = new FakeMedia(content, "video/mp4", $"{mediaId}.mp4", AnnounceLength: true, IsVideo: true);
        }
    }

    /// <summary>Every message sent to <paramref name="openId"/> and taken, in order.</summary>
    public IReadOnlyList<FakeWeChatMessage> SentTo(string openId)
    {
        lock (_lock)
        {
            return _sent.TryGetValue(openId, out var sent) ? [.. sent] : [];
        }
    }

    /// <summary>Calls of <paramref name="path"/> (<c>/cgi-bin/message/custom/send</c>…), taken or refused.</summary>
    public int Calls(string path)
    {
        lock (_lock)
        {
            return _calls.GetValueOrDefault(path);
        }
    }

    private async Task<IResult> StableTokenAsync(HttpRequest request)
    {
        await PauseAsync();
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var force = root.TryGetProperty("force_refresh", out var flag) && flag.ValueKind == JsonValueKind.True;
        lock (_lock)
        {
            Count("/cgi-bin/stable_token");
            if (Credentials(Text(root, "grant_type"), Text(root, "appid"), Text(root, "secret")) is { } refusal)
            {
                return refusal;
            }

            var now = _time.GetUtcNow();
            if (!force && _current is not null && _valid.TryGetValue(_current, out var expires) && expires - now > Handover)
            {
                return Results.Json(new { access_token = _current, expires_in = (int)(expires - now).TotalSeconds });
            }

            if (force)
            {
                _forced++;
            }

            return Issue(endsCurrent: force, now);
        }
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        await PauseAsync();
        lock (_lock)
        {
            Count("/cgi-bin/token");
            if (Credentials(request.Query["grant_type"], request.Query["appid"], request.Query["secret"]) is { } refusal)
            {
                return refusal;
            }

            return Issue(endsCurrent: true, _time.GetUtcNow());
        }
    }

    private async Task<IResult> CustomSendAsync(HttpRequest request)
    {
        await PauseAsync();
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var openId = Text(root, "touser") ?? "";
        lock (_lock)
        {
            if (Checked(request, "/cgi-bin/message/custom/send") is { } refusal)
            {
                return refusal;
            }

            if (_closedWindows.Contains(openId))
            {
                return Error(45015, "response out of time limit or subscription is canceled");
            }

            if (_spentQuotas.Contains(openId))
            {
                return Error(45047, "out of response count limit");
            }

            var text = root.TryGetProperty("text", out var t) ? Text(t, "content") : null;
            Record(openId, new FakeWeChatMessage(Text(root, "msgtype") ?? "", text, null, null, new Dictionary<string, string>(), root.GetRawText()));
            return Error(0, "ok");
        }
    }

    private async Task<IResult> TemplateSendAsync(HttpRequest request)
    {
        await PauseAsync();
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        lock (_lock)
        {
            if (Checked(request, "/cgi-bin/message/template/send") is { } refusal)
            {
                return refusal;
            }

            var data = root.TryGetProperty("data", out var fields)
                ? fields.EnumerateObject().ToDictionary(f => f.Name, f => Text(f.Value, "value") ?? "", StringComparer.Ordinal)
                : [];
            Record(Text(root, "touser") ?? "", new FakeWeChatMessage("template", null, Text(root, "template_id"), Text(root, "url"), data, root.GetRawText()));
            return Results.Json(new { errcode = 0, errmsg = "ok", msgid = 200228332 });
        }
    }

    private async Task<IResult> MediaAsync(HttpRequest request, HttpResponse response)
    {
        await PauseAsync();
        FakeMedia? media;
        lock (_lock)
        {
            if (Checked(request, "/cgi-bin/media/get") is { } refusal)
            {
                return refusal;
            }

            _media.TryGetValue(request.Query["media_id"].ToString(), out media);
        }

        // WeChat's errors from this endpoint come as text/plain.
        if (media is null)
        {
            return Results.Text("""{"errcode":40007,"errmsg":"invalid media_id"}""", "text/plain");
        }

        if (media.IsVideo)
        {
            return Results.Json(new { video_url = $"{BaseUrl}/video/{Uri.EscapeDataString(request.Query["media_id"].ToString())}" });
        }

        return Serve(response, media);
    }

    private IResult Video(string mediaId, HttpResponse response)
    {
        lock (_lock)
        {
            return _media.TryGetValue(mediaId, out var media) && media.IsVideo ? Serve(response, media) : Results.NotFound();
        }
    }

    private static IResult Serve(HttpResponse response, FakeMedia media)
    {
        response.Headers.ContentDisposition = $"attachment; filename=\"{media.FileName}\"";
        if (media.AnnounceLength)
        {
            return Results.Bytes(media.Content, media.ContentType);
        }

        return Results.Stream(async body =>
        {
            // Written in pieces and flushed, so the server cannot know the length and sends it chunked.
            foreach (var piece in media.Content.Chunk(64 * 1024))
            {
                await body.WriteAsync(piece);
                await body.FlushAsync();
            }
        }, media.ContentType);
    }

    private IResult? Credentials(string? grantType, string? appId, string? secret)
    {
        if (grantType != "client_credential")
        {
            return Error(40002, "invalid grant_type");
        }

        if (appId != AppId)
        {
            return Error(40013, "invalid appid");
        }

        return secret == AppSecret ? null : Error(40125, "invalid appsecret");
    }

    /// <summary>A new token, counted; <paramref name="endsCurrent"/> ends the one before it, as force_refresh and /cgi-bin/token do.</summary>
    private IResult Issue(bool endsCurrent, DateTimeOffset now)
    {
        if (endsCurrent && _current is not null && _valid.Remove(_current))
        {
            _refused[_current] = 40001;
        }

        _current = $"token-{++_issued}";
        _valid[_current] = now.AddSeconds(ExpiresIn);
        return Results.Json(new { access_token = _current, expires_in = ExpiresIn });
    }

    /// <summary>Counts the call and checks its token and the account's limits, in WeChat's order; null when it may go on.</summary>
    private IResult? Checked(HttpRequest request, string path)
    {
        Count(path);
        var token = request.Query["access_token"].ToString();
        if (token.Length == 0)
        {
            return Error(41001, "access_token missing");
        }

        if (_refuseNext > 0)
        {
            _refuseNext--;
            return Error(_refuseNextWith, "invalid credential, access_token is invalid or not latest");
        }

        if (_refused.TryGetValue(token, out var code))
        {
            return Error(code, code == 42001 ? "access_token expired" : "invalid credential, access_token is invalid or not latest");
        }

        if (!_valid.TryGetValue(token, out var expires))
        {
            return Error(40001, "invalid credential, access_token is invalid or not latest");
        }

        if (_time.GetUtcNow() >= expires)
        {
            return Error(42001, "access_token expired");
        }

        if (DailyLimitReached)
        {
            return Error(45009, "reach max api daily quota limit");
        }

        if (_nextAnswer is { } answer)
        {
            _nextAnswer = null;
            return Results.Text(answer.Body, answer.ContentType, statusCode: answer.Status);
        }

        return null;
    }

    private void Count(string path) => _calls[path] = _calls.GetValueOrDefault(path) + 1;

    private void Record(string openId, FakeWeChatMessage message)
    {
        if (!_sent.TryGetValue(openId, out var sent))
        {
            _sent[openId] = sent = [];
        }

        sent.Add(message);
    }

    private Task PauseAsync() => Delay > TimeSpan.Zero ? Task.Delay(Delay) : Task.CompletedTask;

    private static IResult Error(int code, string message) =>
        Results.Json(new { errcode = code, errmsg = code == 0 ? message : $"{message} rid: {Guid.NewGuid().ToString("N")[..8]}" });

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record FakeMedia(byte[] Content, string ContentType, string FileName, bool AnnounceLength, bool IsVideo);
}

/// <summary>A message the fake took: its <c>msgtype</c> (<c>text</c>, or <c>template</c>), what it said, and the body as it came.</summary>
public sealed record FakeWeChatMessage(
    string MsgType,
    string? Text,
    string? TemplateId,
    string? Url,
    IReadOnlyDictionary<string, string> Data,
    string Body);
