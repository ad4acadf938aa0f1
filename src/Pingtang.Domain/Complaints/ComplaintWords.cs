namespace Pingtang.Domain.Complaints;

/// <summary>Where a case stands; each change is kept in <see cref="ComplaintStatusChange"/>.</summary>
public enum ComplaintStatus
{
    Submitted,
    Accepted,
    InProgress,
    Resolved,
    ReferredToInspection,
    Closed,
}

/// <summary>Who told us: the worker, or someone on their behalf with their agreement.</summary>
public enum ComplaintFiler
{
    Worker,
    Relative,
    VillageOfficial,
    LabourLeader,
}

public static class ComplaintWords
{
    /// <summary>The words workers and staff use: 欠薪 · 工伤 · 劳动合同 · 社保 · 其他.</summary>
    public static string Name(this ComplaintCategory category) => category switch
    {
        ComplaintCategory.WageArrears => "欠薪",
        ComplaintCategory.WorkInjury => "工伤",
        ComplaintCategory.LabourContract => "劳动合同",
        ComplaintCategory.SocialInsurance => "社保",
        ComplaintCategory.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>Why a case is urgent, as the queue says it.</summary>
    public static string Name(this UrgencyReason reason) => reason switch
    {
        UrgencyReason.WorkInjury => "工伤",
        UrgencyReason.CollectiveArrears => "集体欠薪",
        UrgencyReason.Danger => "人身危险",
        UrgencyReason.SameEmployer => "同一单位多人投诉",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>已提交 · 已受理 · 处理中 · 已解决 · 已转劳动监察 · 已关闭.</summary>
    public static string Name(this ComplaintStatus status) => status switch
    {
        ComplaintStatus.Submitted => "已提交",
        ComplaintStatus.Accepted => "已受理",
        ComplaintStatus.InProgress => "处理中",
        ComplaintStatus.Resolved => "已解决",
        ComplaintStatus.ReferredToInspection => "已转劳动监察",
        ComplaintStatus.Closed => "已关闭",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>本人 · 亲属 · 村干部 · 劳务带头人.</summary>
    public static string Name(this ComplaintFiler filer) => filer switch
    {
        ComplaintFiler.Worker => "本人",
        ComplaintFiler.Relative => "亲属",
        ComplaintFiler.VillageOfficial => "村干部",
        ComplaintFiler.LabourLeader => "劳务带头人",
        _ => throw new ArgumentOutOfRangeException(nameof(filer), filer, null),
    };
}
