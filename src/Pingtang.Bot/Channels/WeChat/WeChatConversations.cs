using System.Globalization;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Menu;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// A message WeChat delivered, once: the first try runs the turn, and when the turn ends within the passive-reply
/// budget (<c>WeChat:PassiveReplySeconds</c>, default 4 of WeChat's 5) its first message goes back in the HTTP
/// response and the rest through the outbox, in order; otherwise the try answers <c>success</c> at once and every
/// message goes through the outbox when the turn ends. Retries — concurrent or later, on any instance — get the first
/// try's answer and run nothing.
/// </summary>
public sealed class WeChatConversations(
    WeChatInbox inbox,
    WeChatUsers users,
    WeChatAdapter adapter,
    WeChatFiles files,
    AddressBook addresses,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<WeChatConversations> logger)
{
    public const string PassiveReplyKey = "WeChat:PassiveReplySeconds";

    /// <summary>What goes out after the passive reply waits this long, so that WeChat shows the passive one first.</summary>
    private static readonly TimeSpan AfterPassive = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _budget = TimeSpan.FromSeconds(configuration.GetValue(PassiveReplyKey, 4.0));

    /// <summary>The outbox's kind for a turn's replies beyond the passive one, as staff read it.</summary>
    public const string ReplyKind = "微信回复";

    /// <summary>
    /// Handles <paramref name="message"/>, received <paramref name="elapsed"/> ago at <paramref name="baseUrl"/> (the
    /// address the links to its files are given under); returns the passive reply XML, or null for <c>success</c>.
    /// </summary>
    public async Task<string?> ReceiveAsync(WeChatMessage message, Uri baseUrl, System.Diagnostics.Stopwatch elapsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(elapsed);
        var key = Key(message);
        var left = _budget - elapsed.Elapsed;
        if (await inbox.ArriveAsync(key, left, cancellationToken) is WeChatArrival.Retry retry)
        {
            return retry.PassiveReply;
        }

        if (message is { MsgType: "event", Event: "unsubscribe" })
        {
            // Nothing reaches a user who has unfollowed, until they follow again: no turn, no reply.
            await users.UnfollowedAsync(message.FromUserName!, cancellationToken);
            await inbox.AnsweredAsync(key, null, CancellationToken.None);
            return null;
        }

        if (message is { MsgType: "event", Event: not ("subscribe" or "SCAN" or "CLICK") })
        {
            // Reports, not the follower writing: a tap on a menu link (VIEW, which does open the window), the phone's
            // automatic LOCATION, WeChat's TEMPLATESENDJOBFINISH after each template message. Nothing to answer.
            if (message.Event == "VIEW")
            {
                await users.WroteAsync(message.FromUserName!, cancellationToken);
            }

            await inbox.AnsweredAsync(key, null, CancellationToken.None);
            return null;
        }

        // Whatever the follower sends opens WeChat's 48 hours for messages to them afresh.
        await users.WroteAsync(message.FromUserName!, cancellationToken);

        // The turn runs to its end whatever becomes of this request: WeChat may give up on it, the worker may not.
        var turn = TurnAsync(message, key, baseUrl, lifetime.ApplicationStopping);
        var budget = _budget - elapsed.Elapsed;
        if (budget > TimeSpan.Zero && await Task.WhenAny(turn, Task.Delay(budget, CancellationToken.None)) == turn && turn.IsCompletedSuccessfully)
        {
            var done = await turn;
            var passive = done.Replies.Count == 0 ? null : WeChatXml.TextReply(message.FromUserName!, message.ToUserName!, time.GetUtcNow().ToUnixTimeSeconds(), done.Replies[0]);
            await QueueAsync(key, done, skip: passive is null ? 0 : 1, CancellationToken.None);
            await inbox.AnsweredAsync(key, passive, CancellationToken.None);
            return passive;
        }

        await inbox.AnsweredAsync(key, null, CancellationToken.None);
        _ = SendWhenDoneAsync(key, turn);
        return null;
    }

    /// <summary>One key per message WeChat sends: its id, or for an event (which has none) its sender and second.</summary>
    public static string Key(WeChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.MsgId is { } id
            ? $"msg:{id.ToString(CultureInfo.InvariantCulture)}"
            : $"event:{message.FromUserName}:{message.CreateTime?.ToString(CultureInfo.InvariantCulture)}:{message.Event}";
    }

    /// <summary>
    /// The bot's turn for the message, with its photo or voice file attached; a photo or voice message that brings
    /// neither text nor a file we could fetch gets a word from the channel instead, and the dialog stays where it was.
    /// </summary>
    private async Task<WeChatTurn> TurnAsync(WeChatMessage message, string key, Uri baseUrl, CancellationToken cancellationToken)
    {
        var activity = Activity(message, key);
        if (WeChatFiles.Carries(message) && await files.FetchAsync(message, baseUrl, cancellationToken) is { } file)
        {
            activity.Attachments = [file];
        }

        if (message.MsgType is "image" or "voice" && string.IsNullOrWhiteSpace(activity.Text) && activity.Attachments is not { Count: > 0 })
        {
            var notice = message.MsgType == "voice" ? WeChatTexts.VoiceNotUnderstood : WeChatTexts.PhotoNotReceived;
            return new WeChatTurn(await addresses.WorkerOfAsync(WeChatAdapter.ChannelId, message.FromUserName!, cancellationToken), [notice]);
        }

        var turn = await adapter.ProcessAsync(activity, cancellationToken);
        if (WeChatScene.Of(message) is { } origin && turn.WorkerId is { } workerId)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkerRegistry>().CameThroughAsync(workerId, origin, cancellationToken);
        }

        return turn;
    }

    private async Task SendWhenDoneAsync(string key, Task<WeChatTurn> turn)
    {
        try
        {
            await QueueAsync(key, await turn, skip: 0, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The turn's own errors were answered inside it; this is the outbox's database being away.
            logger.LogError(e, "The replies to WeChat message {Key} could not be queued", key);
        }
    }

    /// <summary>
    /// Queues the turn's replies from the <paramref name="skip"/>-th on, and then what waited for the worker to write
    /// (<see cref="OutboxState.Waiting"/>), so that it follows the answer to what they wrote.
    /// </summary>
    private async Task QueueAsync(string key, WeChatTurn turn, int skip, CancellationToken cancellationToken)
    {
        if (turn.WorkerId is not { } workerId)
        {
            return;
        }

        var notBefore = time.GetUtcNow() + (skip > 0 ? AfterPassive : TimeSpan.Zero);
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxMessages>();
        if (turn.Replies.Count > skip)
        {
            await outbox.QueueOnceAsync(
                [.. turn.Replies.Skip(skip).Select((text, i) => new OutboxDraft(workerId, ReplyKind, MessagePurpose.Reply, $"wechat:{key}:{skip + i}", text, NotBefore: notBefore, OnChannel: WeChatAdapter.ChannelId))],
                cancellationToken);
        }

        await outbox.ReleaseWaitingAsync(workerId, notBefore + TimeSpan.FromMilliseconds(1), cancellationToken);
    }

    /// <summary>
    /// The turn's activity: a text, or a voice message's recognised text, is the worker's message (a photo's or voice's
    /// file is attached by <see cref="TurnAsync"/>); following the account (<c>subscribe</c>) or scanning its QR code
    /// (<c>SCAN</c>) is the worker joining, which the bot welcomes with the menu; a tap on the custom
    /// menu (<c>CLICK</c>) is its key — a main-menu line or a global word — as a <see cref="MenuTap"/>.
    /// </summary>
    private Activity Activity(WeChatMessage message, string key)
    {
        var openId = message.FromUserName!;
        var user = new ChannelAccount(openId, role: RoleTypes.User);
        var account = new ChannelAccount(message.ToUserName, "平塘就业助手", RoleTypes.Bot);
        // A follower scanning a code again is welcomed as one who just came, unless they are in the middle of something.
        var subscribe = message is { MsgType: "event", Event: "subscribe" or "SCAN" };
        var click = message is { MsgType: "event", Event: "CLICK" };
        var activity = new Activity(subscribe ? ActivityTypes.ConversationUpdate : ActivityTypes.Message)
        {
            Id = key,
            ChannelId = WeChatAdapter.ChannelId,
            ServiceUrl = WeChatAdapter.ServiceUrl,
            From = user,
            Recipient = account,
            Conversation = new ConversationAccount(id: openId),
            Timestamp = message.CreateTime is { } seconds && seconds >= 0 && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : time.GetUtcNow(),
            Locale = "zh-CN",
            Text = message.MsgType switch
            {
                "text" => message.Content,
                "voice" => message.Recognition,
                _ when click => message.EventKey,
                _ => null,
            },
            MembersAdded = subscribe ? [account, user] : null,
            Entities = message is { MsgType: "location", LocationX: { } latitude, LocationY: { } longitude } ? [Location(latitude, longitude, message.Label)] : null,
        };
        return click ? MenuTap.Mark(activity) : activity;
    }

    /// <summary>
    /// A shared location as every Bot Framework channel carries one, a <c>GeoCoordinates</c> entity. WeChat's
    /// coordinates are GCJ-02, a few hundred metres off WGS-84: nothing at the scale of the districts it is read at.
    /// </summary>
    private static Entity Location(double latitude, double longitude, string? label)
    {
        var entity = new Entity();
        entity.SetAs(new GeoCoordinates(latitude: latitude, longitude: longitude, name: label, type: "GeoCoordinates"));
        return entity;
    }
}
