using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pingtang.Bot.Sheets;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>The 培训管理 pages. Everything that came from a sheet, a form or a worker is HTML-encoded.</summary>
internal static class TrainingStaffPages
{
    public const string Title = "培训管理";

    public const string BackText = "返回培训管理";

    public const string ChooseCourse = "请选择课程";

    public const string NotFoundText = "没有这一期培训或这条报名。";

    private static readonly string Back = $"<p><a href=\"{TrainingStaffEndpoints.Path}\">← {BackText}</a></p>";

    public static IResult List(IReadOnlyList<SessionRow> sessions)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <p><a href="/console">← 工作人员首页</a> · <a href="{TrainingStaffEndpoints.Path}/new">新建培训班</a> · <a href="{TrainingStaffEndpoints.Path}/counts">各课程统计</a></p>
            <h2>导入培训班表</h2>
            {StaffPage.PostForm($"{TrainingStaffEndpoints.Path}/import", SheetUpload.Fields, upload: true)}
            <p>.xlsx 或 UTF-8 .csv，第一行是表头，列的顺序不限：{E(string.Join(",", TrainingSessionImport.Columns.All))}。必填：{E(string.Join("、", TrainingSessionImport.Columns.Required))}。外部编号已有的班次会被更新；地点或日期变了，已报名和候补的学员会收到通知。</p>
            <h2>即将开班和进行中的培训（{sessions.Count} 期）</h2>
            """);
        foreach (var course in sessions.GroupBy(s => s.Course))
        {
            body.Append(CultureInfo.InvariantCulture, $"<h3>{E(course.Key)}</h3><table><tr><th>日期</th><th>地点</th><th>外部编号</th><th>名额</th><th>已确认</th><th>候补</th></tr>");
            foreach (var s in course)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{TrainingStaffEndpoints.Path}/{s.Id}\">{s.StartsOn:yyyy-MM-dd} 至 {s.EndsOn:yyyy-MM-dd}</a>{(s.Cancelled ? "（已停课）" : "")}</td><td>{E(s.Place)}</td><td>{E(s.ExternalId ?? "")}</td><td>{s.Seats}</td><td>{s.Taken}</td><td>{s.Waiting}</td></tr>");
            }

            body.Append("</table>");
        }

        return StaffPage.Html(Title, body.ToString());
    }

    public static IResult Form(IReadOnlyList<CourseOption> courses, SessionForm form, string? problem, int? sessionId)
    {
        var options = string.Concat(courses.Select(c => $"<option value=\"{c.Id}\"{(c.Id == form.CourseId ? " selected" : "")}>{E(c.Name)}</option>"));
        var body = $"""
            {Back}
            {ProblemHtml(problem)}
            {StaffPage.PostForm($"{TrainingStaffEndpoints.Path}/new", $"<label>课程 <select name=\"course\" required><option value=\"\">请选择</option>{options}</select></label><br>{Fields(form)}<button type=\"submit\">创建</button>")}
            """;
        return StaffPage.Html("新建培训班", body, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static IResult Session(TrainingSession session, IReadOnlyList<RosterRow> roster, SessionForm form, string? problem)
    {
        var path = $"{TrainingStaffEndpoints.Path}/{session.Id}";
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            {Back}
            <p>{E(session.Place)}，{session.StartsOn:yyyy-MM-dd} 至 {session.EndsOn:yyyy-MM-dd}，名额 {session.Seats}，已确认 {session.SeatsTaken}{(session.IsCancelled ? "，<strong>已停课</strong>" : "")}</p>
            <h2>花名册（{roster.Count} 人）</h2>
            <p><a href="{path}/roster.xlsx">导出花名册（.xlsx）</a></p>
            <table><tr><th>姓名</th><th>手机号</th><th>户籍乡镇</th><th>状态</th><th>候补位次</th><th>报名码</th><th>记录</th></tr>
            """);
        foreach (var r in roster)
        {
            var marks = r.Status is EnrolmentStatus.Confirmed or EnrolmentStatus.Attended
                ? $"{(r.Status == EnrolmentStatus.Confirmed ? Mark(r.Id, "attended", "记到课") : "")}{Mark(r.Id, "completed", "记结业")}"
                : "";
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Name ?? "")}</td><td>{E(r.Mobile ?? "")}</td><td>{E(r.HomeTownship ?? "")}</td><td>{StatusText(r.Status)}</td><td>{r.Position}</td><td>{E(r.Code)}</td><td>{marks}</td></tr>");
        }

        body.Append("</table>");
        if (!session.IsCancelled)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <h2>修改或调整时间地点</h2>
                <p>改了地点、日期或上课时间，已报名和候补的学员会马上收到通知。名额不能少于已确认的人数。</p>
                {ProblemHtml(problem)}
                {StaffPage.PostForm(path, $"{Fields(form)}<button type=\"submit\">保存</button>")}
                <h2>停课</h2>
                {StaffPage.PostForm($"{path}/cancel", "<button type=\"submit\">停课并通知学员</button>", confirm: "确定停课？所有报名和候补的学员都会收到通知。")}
                """);
        }

        return StaffPage.Html($"{session.Course?.Name} 培训班", body.ToString(), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static IResult Counts(IReadOnlyList<CourseCounts> counts)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"{Back}<p><a href=\"{TrainingStaffEndpoints.Path}/counts.xlsx\">导出统计（.xlsx）</a></p>");
        body.Append("<table><tr><th>课程</th><th>班次</th><th>报名确认</th><th>候补</th><th>到课</th><th>结业</th></tr>");
        foreach (var c in counts)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Course)}</td><td>{c.Sessions}</td><td>{c.Enrolled}</td><td>{c.Waiting}</td><td>{c.Attended}</td><td>{c.Completed}</td></tr>");
        }

        body.Append("</table><p>报名确认含已到课和已结业的学员；到课含已结业的学员；停课班次不计。</p>");
        return StaffPage.Html("各课程统计", body.ToString());
    }

    public static IResult Problem(string message, string back) => StaffPage.Html(
        "无法记录",
        $"{ProblemHtml(message)}<p><a href=\"{back}\">← 返回</a></p>",
        StatusCodes.Status409Conflict);

    public static IResult NotFound() => StaffPage.Html("没有找到", $"<p>{NotFoundText}</p>{Back}", StatusCodes.Status404NotFound);

    public static string StatusText(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Confirmed => "已确认",
        EnrolmentStatus.Waiting => "候补",
        EnrolmentStatus.Cancelled => "已取消",
        EnrolmentStatus.Attended => "已到课",
        EnrolmentStatus.Completed => "已结业",
        _ => status.ToString(),
    };

    private static string Mark(int enrolmentId, string mark, string label) =>
        StaffPage.PostForm($"{TrainingStaffEndpoints.Path}/enrolments/{enrolmentId}/{mark}", $"<button type=\"submit\">{label}</button>", inline: true);

    private static string ProblemHtml(string? problem) => problem is null ? "" : $"<p class=\"error\">{E(problem)}</p>";

    private static string Fields(SessionForm f) => $"""
        <label>地点 <input name="place" value="{E(f.Place)}" required></label><br>
        <label>开班日期 <input type="date" name="startsOn" value="{E(f.StartsOn)}" required></label>
        <label>结业日期 <input type="date" name="endsOn" value="{E(f.EndsOn)}" required></label>
        <label>报名截止 <input type="date" name="enrolBy" value="{E(f.EnrolBy)}" required></label><br>
        <label>上课时间 <input name="schedule" value="{E(f.Schedule)}" placeholder="每天 8:30-17:30，共15天"></label><br>
        <label>名额 <input name="seats" value="{E(f.Seats)}" required></label>
        <label>费用 <input name="fee" value="{E(f.Fee)}"></label><br>
        <label>需带物品 <input name="bring" value="{E(f.Bring)}"></label><br>
        <label>年龄下限 <input name="ageMin" value="{E(f.AgeMin)}"></label>
        <label>年龄上限 <input name="ageMax" value="{E(f.AgeMax)}"></label><br>
        <label>限户籍乡镇 <input name="townships" value="{E(f.Townships)}" placeholder="不限则留空，多个用、分开"></label><br>
        <label>报名条件 <input name="prerequisites" value="{E(f.Prerequisites)}"></label><br>
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);

    public sealed record SessionRow(int Id, string Course, string? ExternalId, string Place, DateOnly StartsOn, DateOnly EndsOn, int Seats, int Taken, int Waiting, bool Cancelled);

    public sealed record CourseOption(int Id, string Name);

    public sealed record RosterRow(int Id, string? Name, string? Mobile, string? HomeTownship, EnrolmentStatus Status, string Code, int? Position);

    /// <summary>The session form as staff typed it, so a refused form comes back with their text in it.</summary>
    public sealed record SessionForm(int CourseId, string Place, string StartsOn, string EndsOn, string EnrolBy, string Schedule, string Seats, string Fee, string Bring, string AgeMin, string AgeMax, string Townships, string Prerequisites)
    {
        public static SessionForm Empty { get; } = new(0, "", "", "", "", "", "", "免费", "身份证", "", "", "", "");

        public static SessionForm Read(IFormCollection form)
        {
            ArgumentNullException.ThrowIfNull(form);
            string F(string key) => form[key].ToString().Trim();
            return new(int.TryParse(F("course"), NumberStyles.None, CultureInfo.InvariantCulture, out var course) ? course : 0, F("place"), F("startsOn"), F("endsOn"), F("enrolBy"), F("schedule"), F("seats"), F("fee"), F("bring"), F("ageMin"), F("ageMax"), F("townships"), F("prerequisites"));
        }

        public static SessionForm Of(TrainingSession s)
        {
            ArgumentNullException.ThrowIfNull(s);
            string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new(s.CourseId, s.Place, D(s.StartsOn), D(s.EndsOn), D(s.EnrolBy), s.Schedule, s.Seats.ToString(CultureInfo.InvariantCulture), s.Fee, s.Bring, s.AgeMin?.ToString(CultureInfo.InvariantCulture) ?? "", s.AgeMax?.ToString(CultureInfo.InvariantCulture) ?? "", string.Join("、", s.Townships), s.Prerequisites);
        }

        /// <summary>The details, or the first field that could not be read or is not valid on <paramref name="today"/>, in words for staff.</summary>
        public (TrainingSessionDetails? Details, string? Problem) Details(DateOnly today)
        {
            string? problem = null;
            DateOnly Date(string label, string text) => SheetCells.Date(text, out var p) is { } d ? d : Fail<DateOnly>(label, p ?? SheetTexts.EmptyCell);
            int? Number(string label, string text) => SheetCells.WholeNumber(text, out var p) is var n && p is null ? n : Fail<int?>(label, p!);
            T Fail<T>(string label, string message)
            {
                problem ??= $"{label}：{message}";
                return default!;
            }

            var details = new TrainingSessionDetails
            {
                Place = Place,
                StartsOn = Date("开班日期", StartsOn),
                EndsOn = Date("结业日期", EndsOn),
                EnrolBy = Date("报名截止", EnrolBy),
                Schedule = Schedule,
                Seats = Number("名额", Seats) ?? Fail<int>("名额", SheetTexts.EmptyCell),
                Fee = Fee,
                Bring = Bring,
                AgeMin = Number("年龄下限", AgeMin),
                AgeMax = Number("年龄上限", AgeMax),
                Townships = TrainingSessionRow.SplitList(Townships),
                Prerequisites = Prerequisites,
            };
            return problem is null ? (details, details.Validate(today)) : (null, problem);
        }
    }
}
