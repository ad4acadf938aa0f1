using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// How we write to WeChat's API and read its answers. Every answer is HTTP 200 with a JSON object whose
/// <c>errcode</c>, when present and not 0, is WeChat's refusal; anything else — another status, a body that is no
/// JSON — is the transport failing, an <see cref="HttpRequestException"/> the caller may try again later.
/// </summary>
internal static class WeChatJson
{
    /// <summary>An answer is a few hundred bytes; a body far past that is not WeChat's.</summary>
    private const int MaxAnswerBytes = 64 * 1024;

    /// <summary>
    /// Text as it reads, never <c>\uXXXX</c>: WeChat shows escaped characters to the worker as they stand (SDKs in
    /// every language have fixed <c>\u4f60\u597d</c> arriving in the chat, and <c>&lt;a&gt;</c> links breaking when
    /// escaped), and System.Text.Json escapes emoji with every encoder it has.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UnescapedStrings() },
    };

    public static async Task<WeChatAnswer> PostAsync(HttpClient http, string path, string query, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path + query, body, Options, cancellationToken);
        return await ReadAsync(response, path, cancellationToken);
    }

    /// <summary>
    /// The answer to a call of <paramref name="path"/>; throws <see cref="WeChatApiException"/> when WeChat refused.
    /// </summary>
    /// <param name="path">The path alone, never its query: that is where the access_token is, and this goes into messages.</param>
    public static async Task<WeChatAnswer> ReadAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"WeChat answered {path} with HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        WeChatAnswer? answer;
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxAnswerBytes, cancellationToken);
            answer = await response.Content.ReadFromJsonAsync<WeChatAnswer>(Options, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"WeChat answered {path} with something other than a JSON object ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}).", e);
        }

        answer ??= new WeChatAnswer();
        return answer.ErrorCode == 0 ? answer : throw new WeChatApiException(answer.ErrorCode, $"WeChat refused {path}: {answer.ErrorCode} {answer.ErrorMessage}");
    }

    private static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append(@"\\"),
                '\n' => json.Append(@"\n"),
                '\r' => json.Append(@"\r"),
                '\t' => json.Append(@"\t"),
                < ' ' => json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }

    /// <summary>Escapes what JSON requires and nothing more; the writer still checks that the result is JSON.</summary>
    private sealed class UnescapedStrings : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteRawValue(Quote(value));
    }
}

/// <summary>The fields of WeChat's answers that we read; each call fills the ones of its own.</summary>
internal sealed record WeChatAnswer
{
    [JsonPropertyName("errcode")]
    public int ErrorCode { get; init; }

    [JsonPropertyName("errmsg")]
    public string? ErrorMessage { get; init; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }

    /// <summary><c>/cgi-bin/media/get</c> answers a video with where to download it instead of the file.</summary>
    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; init; }
}
