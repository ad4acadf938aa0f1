using Hangfire;
using Pingtang.Domain.ReturnTrips;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>
/// 返岗提醒, every hour: from 09:00 China time three days before a departure and on its eve, queues on the outbox the
/// reminders of the confirmed bookings (<see cref="TripReminders"/> decides who gets which); the outbox sends them,
/// and retries when a channel fails. Hourly rather than once at 09:00, so that a server that was down at 09:00 still
/// reminds everyone later that day. One run takes one batch of bookings and queues the next, so every run stays
/// short. Safe to run twice, or twice at once: a reminder's outbox key is queued once.
/// </summary>
public sealed class TripReminderJob(TripReminders reminders, IBackgroundJobClient jobs, ILogger<TripReminderJob> logger)
{
    public const string RecurringJobId = "trip-reminders";

    public const int BatchSize = 50;

    /// <summary>Queues the reminders of the next <see cref="BatchSize"/> due bookings after <paramref name="afterBookingId"/>.</summary>
    public async Task RunAsync(int afterBookingId, CancellationToken cancellationToken)
    {
        var due = await reminders.DueAsync(afterBookingId, BatchSize, cancellationToken);
        var queued = await reminders.QueueAsync(due, cancellationToken);
        if (due.Count == BatchSize)
        {
            var last = due[^1];
            jobs.Enqueue<TripReminderJob>(job => job.RunAsync(last, CancellationToken.None));
        }

        logger.LogInformation("Trip reminders after booking {AfterBookingId}: {Due} due, {Queued} queued", afterBookingId, due.Count, queued);
    }
}
