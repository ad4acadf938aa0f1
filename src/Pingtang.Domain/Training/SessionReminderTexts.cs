using System.Globalization;

namespace Pingtang.Domain.Training;

/// <summary>
/// What the day-before reminder of a training session says: short lines that read well in WeChat. Composed when the
/// reminder is queued, so it names the session as it was then.
/// </summary>
public static class SessionReminderTexts
{
    public const string HowToCancel = "来不了请回复「我的报名」取消，把名额让给候补的学员。";

    private const string Weekdays = "日一二三四五六";

    public static string Message(TrainingSession session, string code)
    {
        ArgumentNullException.ThrowIfNull(session);
        var starts = string.Create(CultureInfo.InvariantCulture, $"{session.StartsOn:M月d日}（星期{Weekdays[(int)session.StartsOn.DayOfWeek]}）开始");
        List<string> lines =
        [
            $"【培训提醒】您报名的「{session.Course?.Name}」明天开班，请准时参加：",
            session.Schedule.Length == 0 ? $"时间：{starts}" : $"时间：{starts}，{session.Schedule}",
            $"地点：{session.Place}",
        ];
        if (session.Bring.Length > 0)
        {
            lines.Add($"请带：{session.Bring}");
        }

        lines.Add($"报名码：{code}（报到时告诉工作人员）");
        lines.Add(HowToCancel);
        return string.Join('\n', lines);
    }
}
