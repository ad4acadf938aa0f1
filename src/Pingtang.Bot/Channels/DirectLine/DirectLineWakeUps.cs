using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// On PostgreSQL a worker's stream may be open on one instance while the bot's reply is written by another: every
/// append also notifies <see cref="Channel"/> with the conversation's id, in the append's transaction (so it goes out
/// when the row is there to read), and every instance wakes its streams of that conversation
/// (<see cref="DirectLineStreams"/>) at once, instead of at their next look by themselves.
/// </summary>
internal sealed class DirectLineWakeUps(DirectLineStreams streams) : IDatabaseNotificationHandler
{
    public const string ChannelName = "pingtang_directline";

    public string Channel => ChannelName;

    /// <summary>Tells the other instances, when <paramref name="db"/>'s transaction commits, that the conversation has something new.</summary>
    public static Task AnnounceAsync(BotDb db, string conversationId, CancellationToken cancellationToken) =>
        DatabaseNotifications.NotifyAsync(db, ChannelName, conversationId, cancellationToken);

    public Task OnNotifiedAsync(string? payload, CancellationToken cancellationToken)
    {
        if (payload is null)
        {
            streams.NotifyAll();
        }
        else
        {
            streams.Notify(payload);
        }

        return Task.CompletedTask;
    }
}
