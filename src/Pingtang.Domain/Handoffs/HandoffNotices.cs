using Pingtang.Domain.Outbox;

namespace Pingtang.Domain.Handoffs;

/// <summary>What the worker is sent when a person joins, writes, or leaves their conversation: kept together for review.</summary>
public static class HandoffNotices
{
    public const string TakenOverKind = "人工接入通知";
    public const string ReplyKind = "工作人员回复";
    public const string HandedBackKind = "人工服务结束";
    public const string RatingKind = "服务评价邀请";

    /// <summary>How a staff member's words are signed, so the worker knows a person wrote them.</summary>
    public static string FromStaff(string staffName, string text) => $"平塘就业助手工作人员（{staffName}）：{text}";

    public static OutboxDraft TakenOver(Handoff handoff, long lineId) => new(
        handoff.WorkerId,
        TakenOverKind,
        MessagePurpose.Reply,
        $"handoff:{handoff.Id}:line:{lineId}",
        $"您好，我是平塘就业助手工作人员{handoff.StaffName}，现在由我来为您服务。请直接说您的情况。");

    public static OutboxDraft Reply(Handoff handoff, ChatMessage line) => new(
        handoff.WorkerId,
        ReplyKind,
        MessagePurpose.Reply,
        $"handoff:{handoff.Id}:line:{line.Id}",
        FromStaff(line.Name ?? handoff.HolderName, line.Text));

    /// <param name="menu">The main menu's lines, offered as the bot takes the conversation back.</param>
    public static OutboxDraft HandedBack(Handoff handoff, IReadOnlyList<string> menu) => new(
        handoff.WorkerId,
        HandedBackKind,
        MessagePurpose.Reply,
        $"handoff:{handoff.Id}:ended",
        $"工作人员已结束这次人工服务，接下来由智能助手为您服务。{(handoff.Summary is { } summary ? $"\n小结：{summary}" : "")}\n需要再找工作人员，随时发送「人工」。请选择：",
        menu);

    public static readonly IReadOnlyList<string> RatingChoices = ["5 非常满意", "4 满意", "3 一般", "2 不满意", "1 很不满意"];

    public static OutboxDraft AskRating(HelpRating rating, string? caseNumber) => new(
        rating.WorkerId,
        RatingKind,
        MessagePurpose.Practical,
        $"rating:{rating.Id}",
        $"{(caseNumber is null ? "您这次的问题" : $"您的投诉 {caseNumber} ")}已处理完毕。请为工作人员的帮助打个分：回复 1 到 5（5 最满意），也可以再说一句话，例如「5 很及时」。",
        RatingChoices);
}
