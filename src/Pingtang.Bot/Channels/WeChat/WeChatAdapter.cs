using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Outbox;
using Pingtang.Domain;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>What a turn for a WeChat message said, in order, as WeChat text, and whose turn it was.</summary>
public sealed record WeChatTurn(int? WorkerId, IReadOnlyList<string> Replies);

/// <summary>
/// Runs the bot's turns for WeChat messages and sends proactive messages to WeChat users. A turn's replies are not
/// sent from inside it: they are collected, and the endpoint gives the first back in the HTTP response when the turn
/// is quick and hands the rest to the outbox. A proactive turn (the outbox's) sends the way WeChat allows: a
/// customer-service message (客服消息) while the follower's 48-hour window is open and its quota lasts
/// (<see cref="WeChatUsers"/>); otherwise a template message (模板消息) when the message's kind has one
/// (<see cref="WeChatTemplates"/>); otherwise it waits for the follower to write. WeChat shows text only: a message's
/// suggested actions are already its numbered lines (<c>ChoiceMessage</c>).
/// </summary>
public sealed class WeChatAdapter : OwnTransportAdapter
{
    public const string ChannelId = "wechat";

    /// <summary>Marks conversation references of this channel: WeChat has no service URL of its own for a user.</summary>
    public const string ServiceUrl = "urn:pingtang:wechat";

    public const string ByCustomerService = "客服消息";
    public const string ByTemplate = "模板消息";

    private readonly IBot _bot;
    private readonly WeChatApi _api;
    private readonly WeChatUsers _users;
    private readonly WeChatTemplates _templates;
    private readonly TimeProvider _time;

    public WeChatAdapter(IBot bot, WeChatApi api, WeChatUsers users, WeChatTemplates templates, TimeProvider time, IServiceProvider services)
        : base(ChannelId, ServiceUrl)
    {
        _bot = bot;
        _api = api;
        _users = users;
        _templates = templates;
        _time = time;
        this.UsePingtangPipeline(services);
    }

    /// <summary>Runs the turn for <paramref name="activity"/> and returns what it said, sending nothing.</summary>
    public async Task<WeChatTurn> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var replies = new Collected();
        using var turnContext = new TurnContext(this, activity);
        turnContext.TurnState.Add(replies);
        await RunPipelineAsync(turnContext, _bot.OnTurnAsync, cancellationToken);
        return new(turnContext.TurnState.Get<CurrentWorker>()?.Id, [.. replies.Texts]);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var collected = turnContext.TurnState.Get<Collected>();
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            if (collected is not null)
            {
                collected.Texts.AddRange(WeChatText.Split(TextOf(activity)));
            }
            else
            {
                turnContext.TurnState.Set(new SentVia(await SendAsync(activity.Recipient?.Id ?? turnContext.Activity.From.Id, activity, cancellationToken)));
            }
        }

        return [.. activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N")))];
    }

    /// <summary>Sends a proactive message the way WeChat allows now; returns the way.</summary>
    private async Task<string> SendAsync(string openId, Activity activity, CancellationToken cancellationToken)
    {
        var text = TextOf(activity);
        try
        {
            // The window's statement checks that they follow too: only a message it refuses asks again why.
            if (await SendWithinWindowAsync(openId, WeChatText.Split(text), cancellationToken))
            {
                return ByCustomerService;
            }

            if (!await _users.FollowingAsync(openId, cancellationToken))
            {
                throw new ChannelUnreachableException(ChannelId);
            }

            if (_templates.For(activity.Label) is { } template)
            {
                await _api.SendTemplateAsync(openId, template.TemplateId, WeChatTemplates.Fill(template, activity.Label!, text, _time.GetUtcNow()), template.Url, cancellationToken);
                return ByTemplate;
            }
        }
        catch (WeChatApiException e) when (e.IsDailyLimit)
        {
            // The account's calls for today are spent: WeChat counts them again from midnight, China time.
            throw new ChannelBusyException(ChannelId, ChinaTime.At(ChinaTime.Today(_time).AddDays(1), TimeOnly.MinValue));
        }

        throw new AwaitingWorkerException(ChannelId);
    }

    /// <summary>
    /// The pieces as customer-service messages, if the window holds them all; a window WeChat says is closed or spent
    /// (45015, 45047), whatever our count said, is taken as spent.
    /// </summary>
    private async Task<bool> SendWithinWindowAsync(string openId, IReadOnlyList<string> pieces, CancellationToken cancellationToken)
    {
        if (!await _users.TakeMessagesAsync(openId, pieces.Count, cancellationToken))
        {
            return false;
        }

        try
        {
            foreach (var piece in pieces)
            {
                await _api.SendTextAsync(openId, piece, cancellationToken);
            }

            return true;
        }
        catch (WeChatApiException e) when (e.IsOutsideWindow || e.IsOverQuota)
        {
            await _users.SpentAsync(openId, cancellationToken);
            return false;
        }
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat cannot change a message a user has already received.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat cannot take back a message a user has already received.");

    /// <summary>
    /// The message as WeChat text: its text, then, numbered, any button its text does not already name (a prompt's
    /// choices are already numbered lines of its text).
    /// </summary>
    internal static string TextOf(IMessageActivity activity)
    {
        var text = activity.Text ?? "";
        var unnamed = (activity.SuggestedActions?.Actions ?? [])
            .Select(a => a.Title ?? a.Value?.ToString() ?? "")
            .Where(t => t.Length > 0 && !text.Contains(t, StringComparison.Ordinal))
            .ToList();
        return unnamed.Count == 0
            ? text
            : $"{text}\n{string.Join('\n', unnamed.Select((t, i) => $"{i + 1}. {t}"))}".TrimStart('\n');
    }

    private sealed class Collected
    {
        public List<string> Texts { get; } = [];
    }
}
