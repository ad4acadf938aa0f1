namespace Pingtang.Bot.Scheduling;

/// <summary>
/// How a reminder job works through a long list and stays short: one run takes one batch of ids, and a full batch
/// queues the run that takes the ids after its last one.
/// </summary>
internal static class Batches
{
    /// <summary>Sends to each id of <paramref name="due"/> in turn and returns how many messages went out.</summary>
    public static async Task<int> SendEachAsync(IReadOnlyList<int> due, int batchSize, Func<int, Task<bool>> send, Action<int> queueRunAfter)
    {
        ArgumentNullException.ThrowIfNull(due);
        var sent = 0;
        foreach (var id in due)
        {
            sent += await send(id) ? 1 : 0;
        }

        if (due.Count == batchSize)
        {
            queueRunAfter(due[^1]);
        }

        return sent;
    }
}
