using System.Globalization;
using System.Net;
using System.Text;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Sheets;

namespace Pingtang.Bot.Sheets;

/// <summary>An import's report on a staff page, for jobs and training sessions alike. Everything that came from the sheet is HTML-encoded.</summary>
internal static class ImportReportPage
{
    /// <summary>Problems shown on the report page; the rest are counted.</summary>
    public const int ListedProblems = 500;

    /// <summary>The report; <paramref name="back"/> is the page the upload came from.</summary>
    public static IResult Html(ImportReport report, string back, string backText)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{back}\">← {backText}</a></p><p>文件：{E(report.Source)}</p>");
        if (report.FileError is { } error)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">无法导入：{E(error)}</p>");
            if (report.Added + report.Updated > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p>{E(string.Format(SheetTexts.PartlySaved, report.Added + report.Updated))}</p>");
            }

            return StaffPage.Html("导入失败", body.ToString(), StatusCodes.Status400BadRequest);
        }

        body.Append(CultureInfo.InvariantCulture, $"<p class=\"summary\">导入完成：{E(SheetTexts.Summary(report))}。</p>");
        if (report.UnknownColumns.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">{E(SheetTexts.UnknownColumnsNote(report))}</p>");
        }

        if (report.Problems.Count > 0)
        {
            body.Append("<h2>未导入的行</h2><p>行号就是 Excel 左侧的行号（第 1 行是表头）。改好后重新导入整个文件即可。</p>");
            body.Append("<table><tr><th>行</th><th>列</th><th>问题</th></tr>");
            foreach (var problem in report.Problems.Take(ListedProblems))
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{problem.Line}</td><td>{E(problem.Column)}</td><td>{E(problem.Message)}</td></tr>");
            }

            body.Append("</table>");
            var listed = Math.Min(ListedProblems, report.Problems.Count);
            if (report.ProblemCount > listed)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p>另有 {report.ProblemCount - listed:N0} 个问题未列出。</p>");
            }
        }

        return StaffPage.Html("导入结果", body.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
