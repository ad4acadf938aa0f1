using Hangfire;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Scheduling;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>
/// 培训提醒, every hour: from 09:00 China time on the day before a session starts, each worker with a confirmed seat
/// gets one message with the time, place, what to bring and their code (<see cref="SessionReminders"/> decides who).
/// Hourly rather than once at 09:00, so that a server that was down at 09:00 still reminds everyone later that day.
/// One run takes one batch of enrolments and queues the next, so every run stays short. Safe to run twice, or twice
/// at once: a reminder is claimed in the database before it is sent, and given back when the send fails.
/// </summary>
public sealed class SessionReminderJob(SessionReminders reminders, ProactiveMessenger messenger, IBackgroundJobClient jobs, ILogger<SessionReminderJob> logger)
{
    public const string RecurringJobId = "session-reminders";

    public const int BatchSize = 50;

    /// <summary>Sends the reminders of the next <see cref="BatchSize"/> due enrolments after <paramref name="afterEnrolmentId"/>.</summary>
    public async Task RunAsync(int afterEnrolmentId, CancellationToken cancellationToken)
    {
        var due = await reminders.DueAsync(afterEnrolmentId, BatchSize, cancellationToken);
        var sent = await Batches.SendEachAsync(
            due, BatchSize, id => SendAsync(id, cancellationToken), last => jobs.Enqueue<SessionReminderJob>(job => job.RunAsync(last, CancellationToken.None)));
        logger.LogInformation("Session reminders after enrolment {AfterEnrolmentId}: {Due} due, {Sent} sent", afterEnrolmentId, due.Count, sent);
    }

    private async Task<bool> SendAsync(int enrolmentId, CancellationToken cancellationToken)
    {
        var reminder = await reminders.ClaimAsync(enrolmentId, cancellationToken);
        return reminder is not null && await messenger.SendClaimedAsync(
            reminder.WorkerId, SessionReminderTexts.Message(reminder), ct => reminders.ReleaseAsync(reminder.Id, ct), logger, cancellationToken);
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
