namespace Pingtang.Bot.Handoffs;

/// <summary>The console's words about the workers' ratings (服务评价), kept together for review.</summary>
public static class HelpRatingTexts
{
    public const string Title = "服务评价";

    public const string LinkDescription = "工人在案件解决后给的评分和留言，按站点统计";

    public const string Viewed = "查看服务评价";

    /// <summary>{0} how many days.</summary>
    public const string LastDays = "最近 {0} 天";

    public const string AllTime = "全部";
}
