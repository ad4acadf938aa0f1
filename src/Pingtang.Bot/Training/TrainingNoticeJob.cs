using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Scheduling;
using Pingtang.Domain;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>
/// Tells the workers of a session staff cancelled or moved, queued by the staff page so the request does not wait
/// on every send. Reentrant: each notice is claimed in the database before it is sent and given back when the send
/// fails, so a retry tells only those not yet told.
/// </summary>
public sealed class TrainingNoticeJob(PingtangDb db, TrainingSessionChanges changes, ProactiveMessenger messenger, ILogger<TrainingNoticeJob> logger)
{
    public const string RecurringJobId = "training-notices";

    public async Task RunAsync(int sessionId, CancellationToken cancellationToken)
    {
        if (await SendAsync(sessionId, cancellationToken) is var failed and > 0)
        {
            // Hangfire retries the job with back-off; the notices already sent stay sent.
            throw new InvalidOperationException($"{failed} training notices of session {sessionId} were not sent.");
        }
    }

    /// <summary>
    /// Every few minutes, sends what no queued run has: notices of sessions an <c>import-sessions</c> run moved (the
    /// command line has no Hangfire server to queue on) and notices given back after a failed send.
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var sessionId in await changes.SessionsWithUnsentAsync(cancellationToken))
        {
            await SendAsync(sessionId, cancellationToken);
        }
    }

    /// <summary>
    /// Sends the session's unsent notices now, e.g. in the turn that freed a seat; returns how many could not be
    /// sent, which the sweep tries again.
    /// </summary>
    public async Task<int> SendAsync(int sessionId, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().Include(s => s.Course).SingleAsync(s => s.Id == sessionId, cancellationToken);
        var sent = 0;
        var failed = 0;
        foreach (var notice in await changes.UnsentAsync(sessionId, cancellationToken))
        {
            var code = notice.Kind == TrainingNoticeKind.Promoted
                ? await db.Enrolments.Where(e => e.SessionId == sessionId && e.WorkerId == notice.WorkerId && e.Status == EnrolmentStatus.Confirmed).Select(e => e.Code).FirstOrDefaultAsync(cancellationToken)
                : null;
            var text = TrainingNoticeTexts.Message(notice.Kind, session, code);
            if (!await changes.ClaimAsync(notice.Id, cancellationToken))
            {
                continue;
            }

            if (await messenger.SendClaimedAsync(notice.WorkerId, text, ct => changes.ReleaseAsync(notice.Id, ct), logger, cancellationToken))
            {
                sent++;
            }
            else
            {
                failed++;
            }
        }

        logger.LogInformation("Training notices of session {SessionId}: {Sent} sent, {Failed} not sent", sessionId, sent, failed);
        return failed;
    }
}

/// <summary>What workers are told when staff cancel or move their session.</summary>
public static class TrainingNoticeTexts
{
    /// <param name="code">The worker's confirmation code, for <see cref="TrainingNoticeKind.Promoted"/>.</param>
    public static string Message(TrainingNoticeKind kind, TrainingSession session, string? code)
    {
        ArgumentNullException.ThrowIfNull(session);
        var course = session.Course?.Name ?? "";
        return kind switch
        {
            TrainingNoticeKind.Cancelled => $"【培训停课通知】很抱歉，{course}培训（{Dates(session)}，{session.Place}）已取消，您的报名也随之取消。可以回复「培训报名」报名其他班次。",
            TrainingNoticeKind.Moved => $"【培训调整通知】您报名的{course}培训有变动，现为：{Dates(session)}，{session.Schedule}，地点：{session.Place}。如不能参加，请回复「我的报名」取消。",
            _ => $"好消息！您候补的「{course}」有名额了，已经为您确认，确认码：{code}。\n时间：{TrainingTexts.When(session)}\n地点：{session.Place}\n不能去了请发「我的报名」取消。",
        };
    }

    private static string Dates(TrainingSession session) =>
        string.Create(CultureInfo.InvariantCulture, $"{session.StartsOn:M月d日}至{session.EndsOn:M月d日}");
}
