using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>What a 新岗位提醒 says; each posting reads as in the search results (<see cref="JobTexts.Line"/>).</summary>
public static class JobAlertTexts
{
    public const string Heading = "【新岗位提醒】按您订阅的条件，新来了{0}个岗位：";

    public const string HowToOpen = "回复「岗位」查看和报名；回复「退订」不再接收提醒。";

    public static string Message(IReadOnlyList<JobSummary> postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        return string.Join('\n', [DialogTexts.Format(Heading, postings.Count), .. postings.Select((p, i) => $"{i + 1}. {JobTexts.Line(p)}"), HowToOpen]);
    }
}
