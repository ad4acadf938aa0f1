using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Pingtang.Benchmarks.Turns;

/// <summary>One conversation of the load: its ids, and what its channel's client keeps between turns.</summary>
internal sealed class Chat(string conversationId, string userId)
{
    public string ConversationId { get; set; } = conversationId;

    public string UserId { get; } = userId;

    public int Sent { get; set; }

    /// <summary>Direct Line: the conversation's token and the client's watermark.</summary>
    public string? Token { get; set; }

    public string? Watermark { get; set; }
}

/// <summary>
/// A way into a bot: start a conversation as its channel does, and take a turn — send one activity and wait until
/// every reply to it can be read. Both return how many replies came; with <c>expected</c> unknown (null) they wait
/// for the turn to end and count, to learn how many replies each input gets.
/// </summary>
internal abstract class ChatPath(string name, ServiceProcess server)
{
    /// <summary>Longer than any SQLite busy wait (its command timeout is 30 s): a turn this slow is a failure.</summary>
    protected static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(60);

    public string Name { get; } = name;

    public ServiceProcess Server { get; } = server;

    public abstract Task<(Chat Chat, int Replies)> StartAsync(string conversationId, string userId, int? expected, CancellationToken cancellationToken);

    public abstract Task<int> TurnAsync(Chat chat, string text, int? expected, CancellationToken cancellationToken);
}

/// <summary>
/// <c>POST /api/messages</c> as the Bot Framework Emulator sends it (channel <c>emulator</c>, no app id, a service URL
/// on loopback, which is all the service accepts without an app id); the replies come to <see cref="FakeConnector"/>.
/// A conversation starts with the Emulator's <c>conversationUpdate</c>.
/// </summary>
internal sealed class ApiMessagesPath(string name, ServiceProcess server, HttpClient http, FakeConnector connector) : ChatPath(name, server)
{
    private readonly Uri _endpoint = new(server.BaseUrl, "/api/messages");

    public override async Task<(Chat Chat, int Replies)> StartAsync(string conversationId, string userId, int? expected, CancellationToken cancellationToken)
    {
        var chat = new Chat(conversationId, userId);
        var replies = await SendAsync(chat, "start", expected, new
        {
            type = "conversationUpdate",
            id = "start",
            timestamp = DateTimeOffset.UtcNow,
            channelId = "emulator",
            serviceUrl = connector.ServiceUrl,
            from = new { id = userId, name = "工友", role = "user" },
            recipient = new { id = "bot", name = "Bot", role = "bot" },
            conversation = new { id = conversationId },
            membersAdded = new object[] { new { id = "bot", name = "Bot" }, new { id = userId, name = "工友" } },
            locale = "zh-CN",
        }, cancellationToken);
        return (chat, replies);
    }

    public override Task<int> TurnAsync(Chat chat, string text, int? expected, CancellationToken cancellationToken)
    {
        var id = $"m{++chat.Sent}";
        return SendAsync(chat, id, expected, new
        {
            type = "message",
            id,
            timestamp = DateTimeOffset.UtcNow,
            channelId = "emulator",
            serviceUrl = connector.ServiceUrl,
            from = new { id = chat.UserId, name = "工友", role = "user" },
            recipient = new { id = "bot", name = "Bot", role = "bot" },
            conversation = new { id = chat.ConversationId },
            text,
            locale = "zh-CN",
        }, cancellationToken);
    }

    private async Task<int> SendAsync(Chat chat, string activityId, int? expected, object activity, CancellationToken cancellationToken)
    {
        var waiter = connector.Expect(chat.ConversationId, activityId, expected);
        try
        {
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(_endpoint, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{Name} answered {(int)response.StatusCode}", null, response.StatusCode);
            }

            if (expected is null)
            {
                // CloudAdapter sends a turn's replies before it answers the POST; the pause is only a safety margin.
                await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
                return waiter.Count;
            }

            await waiter.All.WaitAsync(TurnTimeout, cancellationToken);
            return waiter.Count;
        }
        finally
        {
            connector.Forget(chat.ConversationId, activityId);
        }
    }
}

/// <summary>
/// The service's built-in Direct Line 3.0, as Web Chat uses it: a conversation started with the secret naming the
/// user (its token then used for everything), each activity POSTed, and the bot's replies to it read back with
/// <c>GET …/activities?watermark=</c>.
/// </summary>
internal sealed class DirectLinePath(string name, ServiceProcess server, HttpClient http, string secret) : ChatPath(name, server)
{
    public override async Task<(Chat Chat, int Replies)> StartAsync(string conversationId, string userId, int? expected, CancellationToken cancellationToken)
    {
        using var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", secret, JsonSerializer.Serialize(new { user = new { id = userId, name = "工友" }, locale = "zh-CN" }), cancellationToken);
        var chat = new Chat(started.RootElement.GetProperty("conversationId").GetString()!, userId)
        {
            Token = started.RootElement.GetProperty("token").GetString(),
        };
        // The welcome answers the conversation's start, not an activity of the client's: count every bot activity.
        var replies = await ReadRepliesAsync(chat, replyToId: null, expected, cancellationToken);
        return (chat, replies);
    }

    public override async Task<int> TurnAsync(Chat chat, string text, int? expected, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            type = "message",
            text,
            from = new { id = chat.UserId, role = "user" },
            locale = "zh-CN",
            channelData = new { clientActivityID = $"{chat.ConversationId}-{++chat.Sent}" },
        });
        string id;
        using (var posted = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token!, body, cancellationToken))
        {
            id = posted.RootElement.GetProperty("id").GetString()!;
        }

        return await ReadRepliesAsync(chat, id, expected, cancellationToken);
    }

    private async Task<int> ReadRepliesAsync(Chat chat, string? replyToId, int? expected, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TurnTimeout);
        var replies = 0;
        do
        {
            if (expected is null)
            {
                // Learning the counts: the service stores a turn's replies before it answers the POST; the pause is
                // only a safety margin.
                await Task.Delay(TimeSpan.FromMilliseconds(300), timeout.Token);
            }

            using var page = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities?watermark={chat.Watermark}", chat.Token!, null, timeout.Token);
            foreach (var activity in page.RootElement.GetProperty("activities").EnumerateArray())
            {
                if (activity.GetProperty("from").TryGetProperty("role", out var role) && role.GetString() == "bot"
                    && (replyToId is null || (activity.TryGetProperty("replyToId", out var to) && to.GetString() == replyToId)))
                {
                    replies++;
                }
            }

            chat.Watermark = page.RootElement.GetProperty("watermark").GetString();
        }
        while (expected is { } count && replies < count);
        return replies;
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string bearer, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new HttpRequestException($"{Name} answered {(int)response.StatusCode} to {method} {path}", null, response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }
}
