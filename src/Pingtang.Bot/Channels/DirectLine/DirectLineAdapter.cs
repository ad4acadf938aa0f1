using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// Runs the bot's turns for the built-in Direct Line channel. What the bot sends is stored as the conversation's next
/// activities and pushed to its streams; there is no connector to call. Conversations it owns carry
/// <see cref="ServiceUrl"/>, so proactive messages find their way back here.
/// </summary>
public sealed class DirectLineAdapter : OwnTransportAdapter
{
    public const string ChannelId = Microsoft.Bot.Connector.Channels.Directline;

    /// <summary>Marks conversation references of this service's own Direct Line (Azure's have an https URL).</summary>
    public const string ServiceUrl = "urn:pingtang:directline";

    public static readonly ChannelAccount Bot = new("pingtang-bot", "平塘就业助手", RoleTypes.Bot);

    private readonly DirectLineStore _store;
    private readonly IBot _bot;
    private readonly TimeProvider _time;

    public DirectLineAdapter(DirectLineStore store, IBot bot, TimeProvider time, IServiceProvider services)
        : base(ChannelId, ServiceUrl)
    {
        _store = store;
        _bot = bot;
        _time = time;
        this.UsePingtangPipeline(services);
    }

    /// <summary>Runs the bot's turn for an activity that came in on this channel.</summary>
    public async Task ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var turnContext = new TurnContext(this, activity);
        await RunPipelineAsync(turnContext, _bot.OnTurnAsync, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            switch (activity.Type)
            {
                case ActivityTypesEx.Delay:
                    var delay = activity.Value is int ms ? ms : activity.Value is long l ? (int)l : 1000;
                    await Task.Delay(TimeSpan.FromMilliseconds(delay), _time, cancellationToken);
                    responses[i] = new ResourceResponse();
                    break;
                case ActivityTypes.Trace or ActivityTypesEx.InvokeResponse:
                    // For the Emulator and for invoke callers; a Direct Line client never sees them.
                    responses[i] = new ResourceResponse();
                    break;
                default:
                    responses[i] = new ResourceResponse(await _store.AppendAsync(activity.Conversation.Id, ForClient(activity), cancellationToken));
                    break;
            }
        }

        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line 3.0 cannot update an activity a client has already received.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line 3.0 cannot delete an activity a client has already received.");

    private Activity ForClient(Activity activity)
    {
        activity.ChannelId = ChannelId;
        activity.From = new ChannelAccount(Bot.Id, Bot.Name, RoleTypes.Bot);
        activity.Timestamp = _time.GetUtcNow();
        return activity;
    }
}
