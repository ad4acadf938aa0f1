using System.Globalization;
using System.Net;
using System.Text;
using Pingtang.Bot.Sheets;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>The 岗位管理 pages. Everything that came from a spreadsheet or a worker is HTML-encoded.</summary>
internal static class JobStaffPages
{
    public const string Title = "岗位管理";

    public const string BackText = "返回岗位管理";

    public const string NotFoundText = "没有这个岗位，可能编号有误。";

    public static IResult List(string search, int total, IReadOnlyList<PostingRow> rows)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <p><a href="/console">← 工作人员首页</a></p>
            <h2>导入岗位表</h2>
            {StaffPage.PostForm($"{JobStaffEndpoints.Path}/import", SheetUpload.Fields, upload: true)}
            <p>支持 Excel 表格（.xlsx）和 UTF-8 编码的 .csv，最大 50 MB。第一行是表头，列的顺序不限；必填的列：{E(string.Join("、", JobSheet.RequiredColumns))}。
            外部编号已有的岗位会被更新，不会重复。十万行约需一分钟，请等页面返回。<a href="{JobStaffEndpoints.Path}/template.xlsx">下载导入模板</a></p>
            <h2>查找岗位</h2>
            <form method="get" action="{JobStaffEndpoints.Path}">
              <input name="q" value="{E(search)}" placeholder="外部编号或岗位名称">
              <button type="submit">查找</button>
            </form>
            <p>{(search.Length > 0 ? $"找到 {total:N0} 个岗位" : $"共 {total:N0} 个岗位")}{(total > rows.Count ? $"，显示最新的 {rows.Count} 个" : "")}。</p>
            """);
        if (rows.Count > 0)
        {
            body.Append("<table><tr><th>外部编号</th><th>岗位名称</th><th>用人单位</th><th>地点</th><th>截止日期</th><th>报名人数</th></tr>");
            foreach (var row in rows)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{JobStaffEndpoints.Path}/{row.Id}\">{E(row.ExternalId)}</a></td><td>{E(row.Title)}</td><td>{E(row.Employer)}</td><td>{E(row.City + row.District)}</td><td>{row.ClosesOn:yyyy-MM-dd}</td><td>{row.Applications}</td></tr>");
            }

            body.Append("</table>");
        }

        return StaffPage.Html(Title, body.ToString());
    }

    public static IResult Posting(JobPosting posting, IReadOnlyList<Applicant> applicants)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <p><a href="{JobStaffEndpoints.Path}">← 返回岗位管理</a></p>
            <table>
            <tr><th>外部编号</th><td>{E(posting.ExternalId)}</td></tr>
            <tr><th>用人单位</th><td>{E(posting.Employer)}</td></tr>
            <tr><th>工种</th><td>{E(posting.Trade)}（{E(posting.TradeGroup)}）</td></tr>
            <tr><th>地点</th><td>{E(posting.Province + posting.City + posting.District)}</td></tr>
            <tr><th>待遇</th><td>{E(JobTexts.Pay(posting.MonthlyPayMin, posting.MonthlyPayMax, posting.DailyPay))}{(posting.MealsProvided ? "，包吃" : "")}{(posting.HousingProvided ? "，包住" : "")}</td></tr>
            <tr><th>联系站点</th><td>{E(posting.Station?.Name ?? "")}</td></tr>
            <tr><th>截止日期</th><td>{posting.ClosesOn:yyyy-MM-dd}{(posting.ClosedAt is null ? "" : "（已提前关闭）")}</td></tr>
            <tr><th>来源</th><td>{E(posting.Source)}，更新于 {StaffPage.ChinaTimeText(posting.UpdatedAt)}</td></tr>
            </table>
            <h2>报名（{applicants.Count} 人）</h2>
            """);
        if (applicants.Count == 0)
        {
            body.Append("<p>还没有人报名。</p>");
            return StaffPage.Html(posting.Title, body.ToString());
        }

        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{JobStaffEndpoints.Path}/{posting.Id}/applications.xlsx\">导出报名表（.xlsx）</a></p>");
        body.Append("<table><tr><th>姓名</th><th>手机号</th><th>出生年份</th><th>户籍乡镇</th><th>报名时间</th></tr>");
        foreach (var a in applicants)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(a.Name ?? "")}</td><td>{E(a.Mobile ?? "")}</td><td>{a.BirthYear}</td><td>{E(a.HomeTownship ?? "")}</td><td>{StaffPage.ChinaTimeText(a.AppliedAt)}</td></tr>");
        }

        body.Append("</table>");
        return StaffPage.Html(posting.Title, body.ToString());
    }

    public static IResult NotFound() => StaffPage.Html(
        "没有这个岗位",
        $"<p>{NotFoundText}</p><p><a href=\"{JobStaffEndpoints.Path}\">← 返回岗位管理</a></p>",
        StatusCodes.Status404NotFound);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    public sealed record PostingRow(int Id, string ExternalId, string Title, string Employer, string City, string District, DateOnly ClosesOn, int Applications);
}
