using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Pingtang.Bot.Hosting;

/// <summary>How a turn ended, as <c>pingtang_turns_total</c>'s <c>outcome</c> says it.</summary>
public static class TurnOutcome
{
    /// <summary>The bot ran the turn to its end (it may have said nothing, as for a typing event).</summary>
    public const string Answered = "answered";

    /// <summary>It threw: the worker got the apology (<see cref="TurnErrorHandler"/>).</summary>
    public const string Failed = "failed";

    /// <summary>It waited too long on the conversation's previous turn and was not run.</summary>
    public const string Busy = "busy";

    /// <summary>A person holds the conversation: the message went to them, the bot stayed silent.</summary>
    public const string Held = "held";
}

/// <summary>
/// The turn pipeline's measurements, taken around the whole pipeline so that the latency is the worker's: every turn
/// by channel and outcome, its duration (waiting on the conversation's previous turn included), and the errors the
/// turn-error handler met. A middleware further in says the outcome with <see cref="Note"/>.
/// </summary>
public sealed class TurnMetrics : Microsoft.Bot.Builder.IMiddleware
{
    // Anything else a caller could put in an activity's channelId stays one series, however many it sends.
    private static readonly HashSet<string> KnownChannels = [.. ChannelIds(), "wechat"];

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;

    public TurnMetrics(IMeterFactory meters)
    {
        var meter = meters.PingtangMeter();
        _turns = meter.CreateCounter<long>("pingtang.turns", "{turn}", "Turns the bot ran, by channel and outcome (answered, failed, busy, held).");
        _duration = meter.CreateHistogram(
            "pingtang.turn.duration",
            "s",
            "How long a turn took from arrival to its last reply, waiting for the conversation's previous turn included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _errors = meter.CreateCounter<long>("pingtang.turn.errors", "{error}", "Turns that failed with an unexpected exception, by channel and exception type.");
    }

    /// <summary>Says how the turn ended when it ended without running the bot; the last note counts.</summary>
    public static void Note(ITurnContext turnContext, string outcome)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[typeof(TurnOutcome).FullName!] = outcome;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        // A proactive send runs a turn too: the outbox's, counted there, not a worker's to time.
        if (turnContext.Activity.Type == ActivityTypes.Event && turnContext.Activity.Name == ActivityEventNames.ContinueConversation)
        {
            await next(cancellationToken);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = TurnOutcome.Answered;
        try
        {
            await next(cancellationToken);
            outcome = turnContext.TurnState.Get<string>(typeof(TurnOutcome).FullName!) ?? TurnOutcome.Answered;
        }
        catch (Exception e)
        {
            outcome = e is ConversationBusyException ? TurnOutcome.Busy : TurnOutcome.Failed;
            throw;
        }
        finally
        {
            var channel = new KeyValuePair<string, object?>("channel", Channel(turnContext));
            _turns.Add(1, channel, new("outcome", outcome));
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, channel);
        }
    }

    /// <summary>An unexpected failure of a turn, counted by the handler that apologises for it.</summary>
    public void Error(ITurnContext turnContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(exception);
        _errors.Add(1, new("channel", Channel(turnContext)), new("error", exception.GetType().Name));
    }

    private static string Channel(ITurnContext turnContext) =>
        turnContext.Activity.ChannelId is { } id && KnownChannels.Contains(id) ? id : "other";

    private static IEnumerable<string> ChannelIds() =>
        typeof(Microsoft.Bot.Connector.Channels).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
}
