using System.Globalization;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Complaints;

/// <summary>
/// What a worker is told when their case moves, as an outbox message queued in the transaction of the move, so the
/// message says what was saved and is never lost or sent for a move that was not.
/// </summary>
public static class ComplaintNotices
{
    /// <summary>What staff read on the outbox page.</summary>
    public const string StatusKind = "维权进度通知";

    /// <param name="step">The change's place in the case's history (the first step, 已提交, is 1).</param>
    public static OutboxDraft StatusChanged(Complaint complaint, ComplaintStatusChange change, int step)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(change);
        var lines = new List<string>
        {
            $"【维权进度】您反映的{complaint.Category.Name()}问题（编号{complaint.Number}）现在：{change.Status.Name()}。",
        };
        if (change.Note is { } note)
        {
            lines.Add($"说明：{note}");
        }

        lines.Add(NextStep(change.Status));
        return new(
            complaint.WorkerId,
            StatusKind,
            MessagePurpose.Practical,
            string.Create(CultureInfo.InvariantCulture, $"complaint-status:{complaint.Id}:{step}"),
            string.Join('\n', lines));
    }

    private static string NextStep(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Accepted => "工作人员会尽快联系您。回复「查进度」可以随时查看。",
        ComplaintStatus.InProgress => "工作人员正在处理，有结果会告诉您。回复「查进度」可以随时查看。",
        ComplaintStatus.Resolved => "如果问题其实还没解决，请回复「人工」告诉工作人员。",
        ComplaintStatus.ReferredToInspection => "案件已交给劳动保障监察部门依法处理，他们会联系您。",
        ComplaintStatus.Closed => "案件已结束。还有别的问题，可以回复「劳动维权」重新反映。",
        _ => "回复「查进度」可以随时查看。",
    };
}
