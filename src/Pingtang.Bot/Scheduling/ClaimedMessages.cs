using Pingtang.Bot.Channels.Addresses;

namespace Pingtang.Bot.Scheduling;

/// <summary>
/// The sending half of a reminder job's claim → send → release: the job first records the message as sent in the
/// database (so a second run, or a run at the same moment, skips it), then sends it here; when it does not go out the
/// claim is given back, so the next run tries again.
/// </summary>
internal static class ClaimedMessages
{
    /// <summary>True when the message went out; otherwise <paramref name="release"/> has given the claim back.</summary>
    public static async Task<bool> SendClaimedAsync(
        this ProactiveMessenger messenger,
        int workerId,
        string text,
        Func<CancellationToken, Task> release,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var sent = false;
        try
        {
            sent = await messenger.SendAsync(workerId, Microsoft.Bot.Builder.MessageFactory.Text(text), cancellationToken) is not null;
            if (!sent)
            {
                logger.LogWarning("Message for worker {WorkerId} not sent: no channel reaches them", workerId);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One unreachable worker must not hold up the others' messages.
            logger.LogWarning(exception, "Message for worker {WorkerId} failed; the next run tries again", workerId);
        }
        finally
        {
            if (!sent)
            {
                // Not the job's token: a job stopped in the middle of a send must still give its claim back.
                await release(CancellationToken.None);
            }
        }

        return sent;
    }
}
