using System.Globalization;
using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Workers;

/// <summary>What linking two workers says: the code to the worker whose number it is, and the audit line staff read.</summary>
public static class WorkerLinkNotices
{
    /// <summary>What staff read on the outbox page.</summary>
    public const string CodeKind = "合并验证码";

    /// <summary>The audit log's 账号 column for what a worker did themselves, with no staff account behind it.</summary>
    public const string WorkerAccount = "务工人员本人";

    public const string AuditWhat = "用手机号验证码合并两处的务工人员信息";

    /// <summary>
    /// The code, as a reply: it goes at once, day or night, even to someone who said 退订 — it is about their own
    /// profile, and is useless by morning.
    /// </summary>
    public static OutboxDraft Code(WorkerLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(
            link.OwnerId,
            CodeKind,
            MessagePurpose.Reply,
            string.Create(CultureInfo.InvariantCulture, $"worker-link:{link.Id}"),
            $"【平塘就业助手】有人在另一处用您的手机号登录平塘就业助手。如果是您本人，请在那边回复这个数字：{link.Code}（{WorkerLink.Lifetime.TotalMinutes:0}分钟内有效）。不是您本人请不要告诉任何人。");
    }

    /// <summary>Names both workers by id only: the audit log shows no phone number.</summary>
    public static string AuditTarget(WorkerMerge merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return string.Create(CultureInfo.InvariantCulture, $"务工人员 {merge.From} 并入 {merge.Into}");
    }
}
