using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Dialogs;
using Pingtang.Domain;
using Pingtang.Domain.Outbox;

namespace Pingtang.Bot.Outbox;

/// <summary>
/// Sends what the outbox holds, inside the service: leases a batch of due messages, applies the outbox's rules to
/// each (consent, quiet hours), sends through <see cref="ProactiveMessenger"/> a few workers at a time, and records every
/// outcome. It starts at once when something is queued (<see cref="OutboxSignal"/>) and sweeps every
/// <see cref="OutboxOptions.Sweep"/> for the rest: failures due again, deferred messages, leases of a sender that died.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    ProactiveMessenger messenger,
    OutboxSignal signal,
    OutboxOptions options,
    OutboxMetrics metrics,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>Sends one batch now; returns how many messages it leased (0 when nothing was due).</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxMessages>();
        var batch = await outbox.LeaseAsync(options.BatchSize, options.Lease, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var leaseId = batch[0].LeaseId!.Value;
        var workerIds = batch.Select(m => m.WorkerId).Distinct().ToList();
        var consent = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Workers.AsNoTracking()
            .Where(w => workerIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => new Consent(w.AcceptsReminders, w.UnsubscribedAt != null), cancellationToken);
        var addresses = await messenger.AddressesAsync(workerIds, cancellationToken);
        var now = time.GetUtcNow();
        var outcomes = new ConcurrentBag<(OutboxMessage Message, Outcome Outcome)>();
        // Different workers' messages go side by side; one worker's go one after the other in the order they are due
        // (the queue's order), so a reply split into several messages, or two notices, arrive in the order meant.
        await Parallel.ForEachAsync(
            batch.GroupBy(m => m.WorkerId),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (messages, token) =>
            {
                foreach (var message in messages.OrderBy(m => m.NotBefore).ThenBy(m => m.Id))
                {
                    outcomes.Add((message, await SendAsync(message, consent.GetValueOrDefault(message.WorkerId, Consent.None), addresses[message.WorkerId], now, token)));
                }
            });

        // Not the batch's token: what was sent must be recorded even when the service is stopping, or it goes again.
        await RecordAsync(outbox, leaseId, outcomes, CancellationToken.None);
        return batch.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var leased = 0;
            try
            {
                leased = await SendBatchAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is away, say: the leases run out and the messages are sent by a later batch.
                logger.LogError(e, "An outbox batch failed; its messages go again when their lease runs out");
            }

            if (leased < options.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(options.Sweep, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<Outcome> SendAsync(OutboxMessage message, Consent consent, IEnumerable<ConversationReference> addresses, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (OutboxRules.Decide(message.Purpose, consent.Accepts, now, options.QuietHours, consent.Unsubscribed))
        {
            case OutboxDecision.Skip skip:
                return new Outcome.Skipped(skip.Reason);
            case OutboxDecision.Defer defer:
                return new Outcome.Deferred(defer.Until, QuietHours: true);
        }

        try
        {
            return await messenger.SendAsync(message.WorkerId, addresses, Activity(message), cancellationToken, message.OnChannel) is { } delivery
                ? new Outcome.Sent(delivery.ChannelId, delivery.Via)
                : new Outcome.Skipped(OutboxRules.NoChannel);
        }
        catch (AwaitingWorkerException)
        {
            return new Outcome.Waiting();
        }
        catch (ChannelBusyException busy)
        {
            // The channel's pace, not a failure: the message goes at its turn, with no try counted.
            return new Outcome.Deferred(busy.Until, QuietHours: false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type and message name the failure (a timeout, a channel's refusal); never the text sent.
            logger.LogWarning("Outbox message {MessageId} ({Kind}) to worker {WorkerId} failed on try {Attempt}: {Error}", message.Id, message.Kind, message.WorkerId, message.Attempts, e.GetType().Name);
            return new Outcome.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// The message as the channels send it. Its kind goes as the activity's label, for a channel that sends some kinds
    /// its own way (a WeChat template).
    /// </summary>
    private static IActivity Activity(OutboxMessage message)
    {
        var activity = (Activity)(message.Choices.Count == 0 ? MessageFactory.Text(message.Text) : ChoiceMessage.Create(message.Text, message.Choices));
        activity.Label = message.Kind;
        return activity;
    }

    private async Task RecordAsync(OutboxMessages outbox, Guid leaseId, IEnumerable<(OutboxMessage Message, Outcome Outcome)> outcomes, CancellationToken cancellationToken)
    {
        // One statement per kind of outcome rather than per message: a batch is written in a few statements.
        var all = outcomes.ToList();
        foreach (var group in all.Where(o => o.Outcome is Outcome.Sent).GroupBy(o => (Outcome.Sent)o.Outcome))
        {
            await outbox.RecordSentAsync([.. group.Select(o => o.Message.Id)], leaseId, group.Key.ChannelId, group.Key.Via, cancellationToken);
            foreach (var (message, _) in group)
            {
                metrics.Sent(group.Key.ChannelId, message.Kind);
            }
        }

        var waiting = all.Where(o => o.Outcome is Outcome.Waiting).Select(o => o.Message.Id).ToList();
        if (waiting.Count > 0)
        {
            await outbox.AwaitWorkerAsync(waiting, leaseId, cancellationToken);
        }

        foreach (var group in all.Where(o => o.Outcome is Outcome.Skipped).GroupBy(o => ((Outcome.Skipped)o.Outcome).Reason))
        {
            await outbox.RecordSkippedAsync([.. group.Select(o => o.Message.Id)], leaseId, group.Key, cancellationToken);
        }

        foreach (var group in all.Where(o => o.Outcome is Outcome.Deferred).GroupBy(o => (Outcome.Deferred)o.Outcome))
        {
            await outbox.DeferAsync([.. group.Select(o => o.Message.Id)], leaseId, group.Key.Until, group.Key.QuietHours, cancellationToken);
        }

        foreach (var (message, outcome) in all.Where(o => o.Outcome is Outcome.Failed))
        {
            await outbox.RecordFailedAsync(message, leaseId, ((Outcome.Failed)outcome).Error, cancellationToken);
            metrics.Failed(message.Kind);
        }
    }

    private sealed record Consent(bool Accepts, bool Unsubscribed)
    {
        public static Consent None { get; } = new(false, false);
    }

    private abstract record Outcome
    {
        public sealed record Sent(string ChannelId, string? Via) : Outcome;

        public sealed record Waiting : Outcome;

        public sealed record Skipped(string Reason) : Outcome;

        public sealed record Deferred(DateTimeOffset Until, bool QuietHours) : Outcome;

        public sealed record Failed(string Error) : Outcome;
    }
}
