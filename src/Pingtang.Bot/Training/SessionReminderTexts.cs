using System.Globalization;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>What the day-before reminder of a training session says: short lines that read well in WeChat.</summary>
public static class SessionReminderTexts
{
    public const string Heading = "【培训提醒】您报名的「{0}」明天开班，请准时参加：";

    public const string Time = "时间：{0}开始";

    public const string Place = "地点：{0}";

    public const string Bring = "请带：{0}";

    public const string Code = "报名码：{0}（报到时告诉工作人员）";

    public const string HowToCancel = "来不了请回复「我的报名」取消，把名额让给候补的学员。";

    private const string Weekdays = "日一二三四五六";

    public static string Message(PendingSessionReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var session = reminder.Session;
        var starts = string.Format(CultureInfo.InvariantCulture, "{0:M月d日}（星期{1}）", session.StartsOn, Weekdays[(int)session.StartsOn.DayOfWeek]);
        List<string> lines =
        [
            Format(Heading, session.Course?.Name ?? ""),
            session.Schedule.Length == 0 ? Format(Time, starts) : $"{Format(Time, starts)}，{session.Schedule}",
            Format(Place, session.Place),
        ];
        if (session.Bring.Length > 0)
        {
            lines.Add(Format(Bring, session.Bring));
        }

        lines.Add(Format(Code, reminder.Code));
        lines.Add(HowToCancel);
        return string.Join('\n', lines);
    }

    private static string Format(string template, string value) => string.Format(CultureInfo.InvariantCulture, template, value);
}
