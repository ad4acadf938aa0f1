using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>What a turn for a WeChat message said, in order, as WeChat text, and whose turn it was.</summary>
public sealed record WeChatTurn(int? WorkerId, IReadOnlyList<string> Replies);

/// <summary>
/// Runs the bot's turns for WeChat messages and sends proactive messages to WeChat users. A turn's replies are not
/// sent from inside it: they are collected, and the endpoint gives the first back in the HTTP response when the turn
/// is quick and hands the rest to the outbox. A proactive turn (the outbox's) sends through the customer-service API.
/// WeChat shows text only: a message's suggested actions are already its numbered lines (<c>ChoiceMessage</c>).
/// </summary>
public sealed class WeChatAdapter : OwnTransportAdapter
{
    public const string ChannelId = "wechat";

    /// <summary>Marks conversation references of this channel: WeChat has no service URL of its own for a user.</summary>
    public const string ServiceUrl = "urn:pingtang:wechat";

    private readonly IBot _bot;
    private readonly WeChatApi _api;

    public WeChatAdapter(IBot bot, WeChatApi api, IServiceProvider services)
        : base(ChannelId, ServiceUrl)
    {
        _bot = bot;
        _api = api;
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
            foreach (var piece in WeChatText.Split(TextOf(activity)))
            {
                if (collected is not null)
                {
                    collected.Texts.Add(piece);
                }
                else
                {
                    await _api.SendTextAsync(activity.Recipient?.Id ?? turnContext.Activity.From.Id, piece, cancellationToken);
                }
            }
        }

        return [.. activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N")))];
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
