namespace Pingtang.Domain.Complaints;

/// <summary>
/// The course a case may take: 已提交 → 已受理 (or straight to 已转劳动监察 or 已关闭 when it is not for us) → 处理中 →
/// 已解决 / 已转劳动监察 / 已关闭. A resolved case may be reopened when the worker says it is not; a closed one stays closed.
/// </summary>
public static class ComplaintStatusRules
{
    private static readonly Dictionary<ComplaintStatus, ComplaintStatus[]> Next = new()
    {
        [ComplaintStatus.Submitted] = [ComplaintStatus.Accepted, ComplaintStatus.ReferredToInspection, ComplaintStatus.Closed],
        [ComplaintStatus.Accepted] = [ComplaintStatus.InProgress, ComplaintStatus.Resolved, ComplaintStatus.ReferredToInspection, ComplaintStatus.Closed],
        [ComplaintStatus.InProgress] = [ComplaintStatus.Resolved, ComplaintStatus.ReferredToInspection, ComplaintStatus.Closed],
        [ComplaintStatus.Resolved] = [ComplaintStatus.InProgress, ComplaintStatus.Closed],
        [ComplaintStatus.ReferredToInspection] = [ComplaintStatus.Closed],
        [ComplaintStatus.Closed] = [],
    };

    public static bool CanMove(ComplaintStatus from, ComplaintStatus to) => Next[from].Contains(to);

    /// <summary>Where a case of <paramref name="status"/> may go next, in the order of its course.</summary>
    public static IReadOnlyList<ComplaintStatus> NextFrom(ComplaintStatus status) => Next[status];
}
