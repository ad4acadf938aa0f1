namespace Pingtang.Bot.Workers;

/// <summary>Prompts for a field of the worker's profile that more than one feature asks, by id.</summary>
public static class WorkerPrompts
{
    /// <summary>称呼, asked by 我的信息 and, when the profile has none, by 培训报名.</summary>
    /// <remarks>Named for the profile it was first asked in: dialog stacks saved in conversations name it so.</remarks>
    public const string Name = "profile.name";
}
