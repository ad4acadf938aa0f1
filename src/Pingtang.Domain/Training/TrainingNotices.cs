using System.Globalization;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Training;

/// <summary>
/// What a session's workers are told when it changes for them — staff cancelled or moved it, or a seat came free —
/// as outbox messages, queued in the transaction of the change. The words are here, with the change, so that the
/// message says what was saved.
/// </summary>
public static class TrainingNotices
{
    // Kinds are what staff read on the outbox page; keys are what makes each message once.
    public const string CancelledKind = "培训停课通知";
    public const string MovedKind = "培训调整通知";
    public const string PromotedKind = "候补转正通知";

    /// <summary>Dates and class times as a worker reads them: 12月10日至12月20日，每天 8:30-17:30.</summary>
    public static string When(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var dates = session.StartsOn == session.EndsOn ? Day(session.StartsOn) : $"{Day(session.StartsOn)}至{Day(session.EndsOn)}";
        return session.Schedule.Length == 0 ? dates : $"{dates}，{session.Schedule}";
    }

    public static OutboxDraft Cancelled(TrainingSession session, int workerId) => new(
        workerId,
        CancelledKind,
        MessagePurpose.Practical,
        $"training-cancelled:{session.Id}:{workerId}",
        $"【培训停课通知】很抱歉，{Course(session)}培训（{Dates(session)}，{session.Place}）已取消，您的报名也随之取消。可以回复「培训报名」报名其他班次。");

    /// <param name="movedAt">When staff saved the move: each move is a notice of its own.</param>
    public static OutboxDraft Moved(TrainingSession session, int workerId, DateTimeOffset movedAt) => new(
        workerId,
        MovedKind,
        MessagePurpose.Practical,
        string.Create(CultureInfo.InvariantCulture, $"training-moved:{session.Id}:{movedAt.UtcTicks}:{workerId}"),
        $"【培训调整通知】您报名的{Course(session)}培训有变动，现为：{Dates(session)}，{session.Schedule}，地点：{session.Place}。如不能参加，请回复「我的报名」取消。");

    public static OutboxDraft Promoted(TrainingSession session, Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return new(
            enrolment.WorkerId,
            PromotedKind,
            MessagePurpose.Practical,
            string.Create(CultureInfo.InvariantCulture, $"training-promoted:{enrolment.Id}"),
            $"好消息！您候补的「{Course(session)}」有名额了，已经为您确认，确认码：{enrolment.Code}。\n时间：{When(session)}\n地点：{session.Place}\n不能去了请发「我的报名」取消。");
    }

    private static string Course(TrainingSession session) => session.Course?.Name ?? "";

    private static string Dates(TrainingSession session) => $"{Day(session.StartsOn)}至{Day(session.EndsOn)}";

    private static string Day(DateOnly date) => date.ToString("M月d日", CultureInfo.InvariantCulture);
}
