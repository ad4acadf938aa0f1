using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// Reads an activity a client posts, and keeps only what a client may say: the server sets its id, time,
/// conversation, recipient and who it is from.
/// </summary>
public static class InboundActivity
{
    /// <summary>A worker's message is a few lines; anything longer is a paste or an attack, not a question.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Web Chat's client activity ids are short; a longer one is not a client's own id.</summary>
    public const int MaxClientActivityIdLength = 128;

    /// <summary>Room for the text and what Web Chat sends with it (channelData, entities).</summary>
    public const int MaxBodyBytes = 32 * 1024;

    private static readonly HashSet<string> AcceptedTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.Typing,
        ActivityTypes.Event,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 32,
    });

    /// <summary>The activity, or why it is refused (a message for the client, in the API's language: English).</summary>
    public static Activity? Parse(string body, out string? problem) =>
        Read(body, out var json, out problem) ? Parse(json!, out problem) : null;

    /// <summary>
    /// The activity part of an upload, like <see cref="Parse(string, out string?)"/>. Its <c>attachments</c> only
    /// describe the files sent beside it (names, no content), so they are dropped: the channel attaches the files it
    /// stored instead.
    /// </summary>
    public static Activity? ParseUploaded(string body, out string? problem)
    {
        if (!Read(body, out var json, out problem))
        {
            return null;
        }

        json!.Remove("attachments");
        return Parse(json, out problem);
    }

    private static bool Read(string body, out JObject? json, out string? problem)
    {
        problem = null;
        try
        {
            json = JToken.Parse(body) as JObject ?? throw new JsonReaderException("not an object");
            return true;
        }
        catch (JsonReaderException)
        {
            json = null;
            problem = "The body must be a JSON activity object.";
            return false;
        }
    }

    private static Activity? Parse(JObject json, out string? problem)
    {
        problem = null;

        if (json["type"] is not JValue { Type: JTokenType.String, Value: string type } || !AcceptedTypes.Contains(type))
        {
            problem = "The activity needs a \"type\": one of \"message\", \"typing\" or \"event\".";
            return null;
        }

        if (json["text"] is { Type: not (JTokenType.String or JTokenType.Null) })
        {
            problem = "\"text\" must be a string.";
            return null;
        }

        if (json["text"]?.Value<string>() is { Length: > MaxTextLength })
        {
            problem = $"\"text\" is longer than {MaxTextLength} characters.";
            return null;
        }

        if (json["attachments"] is JArray { Count: > 0 })
        {
            problem = "Attachments are not accepted on this channel.";
            return null;
        }

        Activity activity;
        try
        {
            activity = json.ToObject<Activity>(Serializer) ?? throw new JsonSerializationException("empty");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            problem = "The activity does not follow the Bot Framework activity schema.";
            return null;
        }

        if (json["channelData"] is JObject channelData && channelData["clientActivityID"] is { } clientId
            && (clientId.Type != JTokenType.String || clientId.Value<string>()!.Length is 0 or > MaxClientActivityIdLength))
        {
            problem = $"\"channelData.clientActivityID\" must be a string of 1 to {MaxClientActivityIdLength} characters.";
            return null;
        }

        if (activity.Name is { Length: > 256 } || activity.Locale is { Length: > 32 } || activity.From?.Id is { Length: > 256 })
        {
            problem = "\"name\", \"locale\" or \"from.id\" is too long.";
            return null;
        }

        return activity;
    }

    /// <summary>The id the client gave its activity (Web Chat's <c>channelData.clientActivityID</c>), if any.</summary>
    public static string? ClientActivityId(Activity activity) =>
        (activity?.ChannelData as JObject)?["clientActivityID"]?.Value<string>();

    /// <summary>
    /// Makes the activity the server's: its conversation, its recipient (the bot), its time, and its sender
    /// <paramref name="from"/> (which the caller decided, never the client). Fields only a channel or the bot may
    /// set are dropped.
    /// </summary>
    public static Activity Stamp(Activity activity, string conversationId, ChannelAccount from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = null;
        activity.ChannelId = DirectLineAdapter.ChannelId;
        activity.ServiceUrl = DirectLineAdapter.ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.From = from;
        activity.Recipient = new ChannelAccount(DirectLineAdapter.Bot.Id, DirectLineAdapter.Bot.Name, RoleTypes.Bot);
        activity.Timestamp = now;
        activity.CallerId = null;
        activity.MembersAdded = null;
        activity.MembersRemoved = null;
        activity.Attachments = null;
        return activity;
    }
}
