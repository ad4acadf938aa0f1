namespace Pingtang.Bot.Handoffs;

/// <summary>What the worker reads about talking to a person, kept together for review.</summary>
public static class HandoffTexts
{
    public const string Requested =
        "已通知{0}的工作人员，有人接入时会直接在这里回复您。\n" +
        "您可以先把情况写下来，工作人员都能看到。\n" +
        "等待的时候也可以继续用智能助手，发送「菜单」即可。";

    public const string StillWaiting = "您已经在等{0}的工作人员了，有人接入时会直接在这里回复您。";

    public const string RatingThanks = "谢谢您的评价，我们会继续改进！";

    public const string ExternalHubDone = "人工服务已结束，接下来由智能助手为您服务。需要再找工作人员，随时发送「人工」。请选择：";

    /// <summary>How a file the worker sent reads in the transcript.</summary>
    public const string SentFile = "发来文件：{0}";
}
