namespace Pingtang.Bot.Channels.WeChat;

/// <summary>A file a worker sent, as <c>/cgi-bin/media/get</c> gave it.</summary>
/// <param name="FileName">WeChat's name for it (<c>MEDIA_ID.jpg</c>), when it gave one.</param>
public sealed record WeChatMedia(byte[] Content, string ContentType, string? FileName);

/// <summary>Thrown by <see cref="WeChatApi.DownloadMediaAsync"/>: the file is larger than <see cref="Limit"/> bytes, and was not read.</summary>
public sealed class WeChatMediaTooLargeException(long limit) : Exception($"The WeChat media file is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// The calls of the Official Account's API the bot makes: customer-service text (within 48 hours of the worker's last
/// message), template messages (when that window is closed), and downloading what a worker sent. Each carries the
/// shared access_token; when WeChat refuses the token, it is refreshed and the call made once more — the refused call
/// did nothing, so nothing is sent twice — and a second refusal is thrown. WeChat's other refusals are thrown as
/// <see cref="WeChatApiException"/> for the caller to route, never retried here.
/// </summary>
/// <remarks>
/// The access_token travels in the query string, as WeChat wants it. The HttpClient factory's log lines show request
/// URIs with the query replaced by <c>*</c> (since .NET 9, unless <c>System.Net.Http.DisableUriRedaction</c> is set,
/// which this service must never be run with), and every message this class and <see cref="WeChatJson"/> write names
/// the path alone.
/// </remarks>
public sealed class WeChatApi(IHttpClientFactory clients, WeChatTokens tokens, ILogger<WeChatApi> logger)
{
    /// <summary>WeChat's own largest temporary media (image and video, 10 MB), as is an upload's largest file by default.</summary>
    public const long MaxMediaBytes = 10 * 1024 * 1024;

    /// <summary>For reading a file of up to <see cref="MaxMediaBytes"/> once its headers came within the client's timeout.</summary>
    public static readonly TimeSpan MediaReadTimeout = TimeSpan.FromSeconds(30);

    private const string CustomSendPath = "cgi-bin/message/custom/send";
    private const string TemplateSendPath = "cgi-bin/message/template/send";
    private const string MediaPath = "cgi-bin/media/get";

    public Task SendTextAsync(string openId, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentException.ThrowIfNullOrEmpty(text);
        var body = new { touser = openId, msgtype = "text", text = new { content = text } };
        return WithTokenAsync((http, token, ct) => WeChatJson.PostAsync(http, CustomSendPath, Query(token), body, ct), cancellationToken);
    }

    /// <param name="data">The template's fields by name (<c>thing1</c>, <c>time2</c>…), each with its value.</param>
    /// <param name="url">Where tapping the message leads; none when null.</param>
    public Task SendTemplateAsync(string openId, string templateId, IReadOnlyDictionary<string, string> data, string? url, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        ArgumentNullException.ThrowIfNull(data);
        var body = new
        {
            touser = openId,
            template_id = templateId,
            url,
            data = data.ToDictionary(field => field.Key, field => new { value = field.Value }, StringComparer.Ordinal),
        };
        return WithTokenAsync((http, token, ct) => WeChatJson.PostAsync(http, TemplateSendPath, Query(token), body, ct), cancellationToken);
    }

    /// <summary>
    /// A file a worker sent (image, voice, video), by the <c>MediaId</c> of their message; a video WeChat answers
    /// with a <c>video_url</c> is fetched from there. Throws <see cref="WeChatMediaTooLargeException"/> past
    /// <see cref="MaxMediaBytes"/>.
    /// </summary>
    public Task<WeChatMedia> DownloadMediaAsync(string mediaId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        return WithTokenAsync((http, token, ct) => MediaAsync(http, $"{Query(token)}&media_id={Uri.EscapeDataString(mediaId)}", ct), cancellationToken);
    }

    private async Task<T> WithTokenAsync<T>(Func<HttpClient, string, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(WeChatChannel.HttpClientName);
        var token = await tokens.GetAsync(cancellationToken);
        try
        {
            return await call(http, token, cancellationToken);
        }
        catch (WeChatApiException e) when (e.IsTokenRefused)
        {
            logger.LogInformation("WeChat refused the access_token ({ErrorCode}); trying once more with a fresh one", e.ErrorCode);
            return await call(http, await tokens.RefreshAsync(token, cancellationToken), cancellationToken);
        }
    }

    private static string Query(string token) => $"?access_token={Uri.EscapeDataString(token)}";

    private static async Task<WeChatMedia> MediaAsync(HttpClient http, string query, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(MediaPath + query, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!IsAnswer(response))
        {
            return await FileAsync(response, MediaPath, cancellationToken);
        }

        var answer = await WeChatJson.ReadAsync(response, MediaPath, cancellationToken);
        if (!Uri.TryCreate(answer.VideoUrl, UriKind.Absolute, out var video) || video.Scheme is not ("http" or "https"))
        {
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"WeChat answered {MediaPath} with neither a file nor a video_url.");
        }

        // WeChat's download address for the video; it carries no access_token of ours.
        using var download = await http.GetAsync(video, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await FileAsync(download, "the video_url of " + MediaPath, cancellationToken);
    }

    /// <summary>A file comes with its own content type; a JSON or text body without a file name is WeChat's answer instead.</summary>
    private static bool IsAnswer(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is "application/json" or "text/plain"
        && FileName(response) is null;

    private static async Task<WeChatMedia> FileAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"WeChat answered {what} with HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > MaxMediaBytes)
        {
            throw new WeChatMediaTooLargeException(MaxMediaBytes);
        }

        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        reading.CancelAfter(MediaReadTimeout);
        using var content = new MemoryStream();
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(reading.Token);
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, reading.Token)) > 0)
            {
                // A length it did not announce is counted as it comes.
                if (content.Length + read > MaxMediaBytes)
                {
                    throw new WeChatMediaTooLargeException(MaxMediaBytes);
                }

                content.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Reading {what} took longer than {MediaReadTimeout.TotalSeconds:0} s.", e);
        }

        return new WeChatMedia(content.ToArray(), response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream", FileName(response));
    }

    private static string? FileName(HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        var name = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"');
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
