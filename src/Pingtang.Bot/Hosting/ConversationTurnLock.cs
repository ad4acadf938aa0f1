using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Pingtang.Bot.Dialogs;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Runs the turns of one conversation one at a time, so a double tap or a channel's retry sees the state the first
/// turn saved instead of racing it: in this process with a semaphore per conversation, and on PostgreSQL, where the
/// next message may reach another instance, also with an advisory lock named after the conversation
/// (<see cref="AdvisoryLock"/>), taken once this process's turn is next. A turn waits at most <c>Dialogs:TurnWaitSeconds</c> (default 10) in all for the turns before it: a worker's message is then
/// answered that the last one is still being handled, and anything else fails with
/// <see cref="ConversationBusyException"/>, so that a proactive send from inside the conversation's own turn, which
/// waits on itself, ends instead of hanging.
/// </summary>
public sealed class ConversationTurnLock(IConfiguration configuration, TimeProvider time, Database database, ILogger<ConversationTurnLock> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public const string TurnWaitKey = "Dialogs:TurnWaitSeconds";

    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);
    private readonly TimeSpan _turnWait = TimeSpan.FromSeconds(configuration.GetValue(TurnWaitKey, 10));

    /// <summary>How many conversations have a turn running or waiting; for tests that the lock lets go.</summary>
    internal int ConversationsInUse
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var key = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        var gate = Enter(key);
        var arrived = time.GetTimestamp();
        try
        {
            if (!await WaitAsync(gate.Semaphore, cancellationToken))
            {
                await GiveUpAsync(turnContext, cancellationToken);
                return;
            }

            try
            {
                // The bound counts from the message's arrival: what it waited for this process's turn before it is
                // not waited again for another instance's.
                await using var acrossInstances = database.IsPostgres
                    ? await AdvisoryLock.TakeAsync(database.ConnectionString, AdvisoryLock.KeyOf($"turn:{key}"), _turnWait - time.GetElapsedTime(arrived), cancellationToken)
                    : null;
                if (acrossInstances is { Held: false })
                {
                    await GiveUpAsync(turnContext, cancellationToken);
                    return;
                }

                await next(cancellationToken);
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            Leave(key, gate);
        }
    }

    private async Task<bool> WaitAsync(SemaphoreSlim semaphore, CancellationToken cancellationToken)
    {
        // Nearly every turn finds its conversation idle: no timer for those.
        if (semaphore.Wait(0, CancellationToken.None))
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(_turnWait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await semaphore.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task GiveUpAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            throw new ConversationBusyException(
                $"A {activity.Type} turn of conversation {activity.Conversation?.Id} on {activity.ChannelId} waited {_turnWait.TotalSeconds} s for the turn before it and was not run.");
        }

        TurnMetrics.Note(turnContext, TurnOutcome.Busy);
        logger.LogWarning(
            "A message of conversation {ConversationId} on {ChannelId} waited {Seconds} s for the turn before it; the worker is asked to send it again",
            activity.Conversation?.Id,
            activity.ChannelId,
            _turnWait.TotalSeconds);
        await turnContext.SendActivityAsync(DialogTexts.StillWorking, cancellationToken: cancellationToken);
    }

    private Gate Enter(string key)
    {
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out var gate))
            {
                gate = new Gate();
                _gates[key] = gate;
            }

            gate.Users++;
            return gate;
        }
    }

    // Gates are dropped when nobody waits on them, so idle conversations cost nothing.
    private void Leave(string key, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}

/// <summary>A turn that was not run because the conversation's previous turn took too long.</summary>
public sealed class ConversationBusyException(string message) : Exception(message);
