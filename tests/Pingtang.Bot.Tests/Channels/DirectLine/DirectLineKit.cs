using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

/// <summary>A Direct Line 3.0 client written from the REST reference, for asserting the service's answers.</summary>
internal sealed class DirectLineKit(HttpClient http)
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    public static PingtangFactory Host(TimeProvider? clock = null, string? dataFolder = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?> { ["DirectLine:Secret"] = Secret };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new PingtangFactory(all, clock, dataFolder, services);
    }

    public HttpClient Http => http;

    public Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? bearer, string? body = null) =>
        SendAsync(method, path, bearer, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? bearer, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        request.Content = content;

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A token for a new conversation of a new user, from the secret.</summary>
    public async Task<Started> GenerateAsync(string? body = null)
    {
        var (status, json) = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret, body);
        Assert.Equal(HttpStatusCode.OK, status);
        return new Started(json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!, null);
    }

    /// <summary>tokens/generate then conversations, as Web Chat does with a token from its page.</summary>
    public async Task<Started> StartAsync()
    {
        var generated = await GenerateAsync();
        var (status, json) = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", generated.Token, "{\"user\":{}}");
        Assert.Equal(HttpStatusCode.Created, status);
        return generated with { StreamUrl = json.GetProperty("streamUrl").GetString() };
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Started conversation, string activityJson, string? bearer = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/activities", bearer ?? conversation.Token, activityJson);

    /// <summary>
    /// An upload as directlinejs sends it: the activity in a part named <c>activity</c>, then a part <c>file</c> per file.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(Started conversation, string? activityJson, IEnumerable<UploadPart> files, string? bearer = null, string userId = "someone")
    {
        using var form = new MultipartFormDataContent();
        if (activityJson is not null)
        {
            var activity = new StringContent(activityJson, Encoding.UTF8);
            activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(activity, "activity", "blob");
        }

        foreach (var file in files)
        {
            var content = new ByteArrayContent(file.Bytes);
            if (file.ContentType.Length > 0)
            {
                content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            }

            form.Add(content, "file", file.Name);
        }

        return await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/upload?userId={Uri.EscapeDataString(userId)}", bearer ?? conversation.Token, form);
    }

    public static string Upload(string text, params UploadPart[] files) =>
        JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            from = new { id = "someone", role = "user" },
            attachments = files.Select(f => new { name = f.Name, contentType = f.ContentType }),
            channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
        });

    public async Task<string> SayAsync(Started conversation, string text)
    {
        var (status, json) = await PostAsync(conversation, Message(text));
        Assert.Equal(HttpStatusCode.OK, status);
        return json.GetProperty("id").GetString()!;
    }

    public async Task<(List<JsonElement> Activities, string Watermark)> GetAsync(Started conversation, string? watermark = null)
    {
        var (status, json) = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}/activities?watermark={watermark}", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, status);
        return ([.. json.GetProperty("activities").EnumerateArray()], json.GetProperty("watermark").GetString()!);
    }

    public static string Message(string text, string? fromId = null, string? clientActivityId = null) =>
        JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            from = new { id = fromId ?? "someone", role = "user" },
            locale = "zh-CN",
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });

    public static string UserOf(string token)
    {
        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]);
        return JsonDocument.Parse(payload).RootElement.GetProperty("user").GetString()!;
    }

    public static string? Text(JsonElement activity) =>
        activity.TryGetProperty("text", out var text) ? text.GetString() : null;

    public static string Role(JsonElement activity) => activity.GetProperty("from").GetProperty("role").GetString()!;

    internal sealed record UploadPart(string Name, string ContentType, byte[] Bytes);

    internal sealed record Started(string ConversationId, string Token, string? StreamUrl);
}
