using Hangfire;
using Pingtang.Bot.Scheduling;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>
/// 培训提醒, every hour: from 09:00 China time on the day before a session starts, queues on the outbox one message
/// for each worker with a confirmed seat, with the time, place, what to bring and their code
/// (<see cref="SessionReminders"/> decides who); the outbox sends it, and retries it when a channel fails.
/// Hourly rather than once at 09:00, so that a server that was down at 09:00 still reminds everyone later that day.
/// One run takes one batch of enrolments and queues the next, so every run stays short. Safe to run twice, or twice
/// at once: a reminder's outbox key is queued once.
/// </summary>
public sealed class SessionReminderJob(SessionReminders reminders, IBackgroundJobClient jobs, ILogger<SessionReminderJob> logger)
{
    public const string RecurringJobId = "session-reminders";

    public const int BatchSize = 50;

    /// <summary>Queues the reminders of the next <see cref="BatchSize"/> due enrolments after <paramref name="afterEnrolmentId"/>.</summary>
    public async Task RunAsync(int afterEnrolmentId, CancellationToken cancellationToken)
    {
        var due = await reminders.DueAsync(afterEnrolmentId, BatchSize, cancellationToken);
        var queued = await reminders.QueueAsync(due, cancellationToken);
        if (due.Count == BatchSize)
        {
            var last = due[^1];
            jobs.Enqueue<SessionReminderJob>(job => job.RunAsync(last, CancellationToken.None));
        }

        logger.LogInformation("Session reminders after enrolment {AfterEnrolmentId}: {Due} due, {Queued} queued", afterEnrolmentId, due.Count, queued);
    }
}

public static class SessionReminderExtensions
{
    /// <summary>The day-before reminders of training sessions; the recurring job is registered in <see cref="RecurringJobs"/>.</summary>
    public static WebApplicationBuilder AddSessionReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SessionReminders>();
        builder.Services.AddScoped<SessionReminderJob>();
        return builder;
    }
}
