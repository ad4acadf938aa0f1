using System.Globalization;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>What 培训报名 and 我的报名 say, reviewed together.</summary>
public static class TrainingTexts
{
    public const string MyEnrolments = "我的报名";

    public const string AskCourse = "想报哪个培训？政府补贴，名额有限。";

    public const string NoCourses = "现在没有正在报名的培训班，请过几天再来看看，或联系平塘县就业服务中心。";

    public const string AskSession = "{0}有这几期，请选一期：";

    public const string Confirm = "确认报名这一期吗？";

    public const string ConfirmWaiting = "这一期名额已满，现在排候补是第{0}位，有人取消会按顺序补上。要排候补吗？";

    public const string NotEnrolled = "好的，没有报名。";

    public const string AskName = "报名需要您的称呼，例如「王师傅」「李姐」：";

    public const string AskMobile = "报名需要手机号，开班前工作人员会联系您。请输入手机号：";

    public const string Confirmed = "报名成功！确认码：{0}\n1. 时间：{1}\n2. 地点：{2}\n3. 开班前一天上午9点会发消息提醒您。\n不能去了请发「我的报名」取消，把名额让给别人。";

    public const string Waiting = "已为您排上候补，第{0}位，确认码：{1}。\n有人取消时会按顺序补上，补上了马上发消息通知您。";

    public const string AlreadyConfirmed = "您已经报上这一期了，确认码：{0}。";

    public const string AlreadyWaiting = "您已经在这一期的候补名单上，现在是第{0}位，确认码：{1}。";

    public const string Refused = "抱歉，不能报这一期：{0}。";

    public const string Instead = "这些您可以报：";

    public const string NothingInstead = "现在没有别的适合您的班，请过几天再来看看。";

    public const string NoEnrolments = "您现在没有报名的培训。发「培训报名」可以报名。";

    public const string PickToCancel = "您的报名如下。回复数字可以取消那一个，回复「菜单」返回：";

    public const string ConfirmCancel = "确定取消「{0}」吗？取消后名额会让给候补的人。";

    public const string Cancelled = "已取消。";

    public const string KeptEnrolment = "好的，报名保留。";

    public const string AlreadyGone = "这个报名已经取消或结束了。";

    /// <summary>One line of the course list: 焊工（2期）.</summary>
    public static string CourseLine(Course course, int sessions) => $"{course.Name}（{sessions}期）";

    /// <summary>One line of a course's sessions: 12月10日开班 · 平塘县公共实训基地 · 剩5个名额.</summary>
    public static string SessionLine(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var seats = session.SeatsLeft > 0 ? $"剩{session.SeatsLeft}个名额" : "已满，可候补";
        return $"{session.StartsOn:M月d日}开班 · {session.Place} · {seats}";
    }

    public static string Details(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var lines = new List<string>
        {
            $"【{session.Course?.Name}】",
            $"时间：{TrainingNotices.When(session)}",
            $"地点：{session.Place}",
            $"费用：{session.Fee}",
            $"名额：共{session.Seats}个，{(session.SeatsLeft > 0 ? $"剩{session.SeatsLeft}个" : "已满")}",
            $"报名截止：{session.EnrolBy:M月d日}",
        };
        if (session.AgeMin is not null || session.AgeMax is not null)
        {
            lines.Add($"年龄：{session.AgeMin ?? 16}到{session.AgeMax ?? 80}岁");
        }

        if (session.Townships.Count > 0)
        {
            lines.Add($"只招：{string.Join("、", session.Townships)}户籍");
        }

        if (session.Prerequisites.Length > 0)
        {
            lines.Add($"条件：{session.Prerequisites}");
        }

        if (session.Bring.Length > 0)
        {
            lines.Add($"需带：{session.Bring}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>One line of 我的报名.</summary>
    public static string EnrolmentLine(MyEnrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var standing = enrolment.Position is { } position ? $"候补第{position}位" : "已确认";
        return $"{enrolment.Session.Course?.Name} · {enrolment.Session.StartsOn:M月d日}开班 · {enrolment.Session.Place} · {standing}（确认码{enrolment.Code}）";
    }
}
