using System.Net;
using System.Text;

namespace Pingtang.Bot.Staff;

/// <summary>
/// The staff area's plain page frame: readable on a station's old laptop and on a phone. Its look is
/// <c>/css/staff.css</c> and its one behaviour (asking before a form that cannot be undone) <c>/js/staff.js</c>, so
/// the staff pages' Content-Security-Policy needs no inline style or script.
/// </summary>
public static class StaffPage
{
    /// <summary>
    /// Where a form's antiforgery field goes; filled in when the page is sent. It cannot come from a sheet or a
    /// worker: their text is HTML-encoded, and encoded text has no <c>&lt;</c>.
    /// </summary>
    private const string TokenSlot = "<!--antiforgery-->";

    public static IResult Html(string title, string body, int statusCode = StatusCodes.Status200OK) => new Page(
        $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{WebUtility.HtmlEncode(title)}} · 平塘就业助手</title>
          <link rel="stylesheet" href="/css/staff.css">
          <script src="/js/staff.js" defer></script>
        </head>
        <body>
        <h1>{{WebUtility.HtmlEncode(title)}}</h1>
        {{body}}
        </body>
        </html>
        """,
        statusCode);

    /// <summary>
    /// A form that changes something: posted with the page's antiforgery token, which every staff POST must bring.
    /// <paramref name="confirm"/>, when given, is asked before the form is sent.
    /// </summary>
    public static string PostForm(string action, string content, string? confirm = null, bool inline = false, bool upload = false)
    {
        var attributes = new StringBuilder();
        attributes.Append(upload ? " enctype=\"multipart/form-data\"" : "");
        attributes.Append(inline ? " class=\"inline\"" : "");
        attributes.Append(confirm is null ? "" : $" data-confirm=\"{WebUtility.HtmlEncode(confirm)}\"");
        return $"<form method=\"post\" action=\"{action}\"{attributes}>{TokenSlot}{content}</form>";
    }

    /// <summary>A stored UTC time as staff read it: Beijing time, to the minute.</summary>
    public static string ChinaTimeText(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Pingtang.Domain.ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Page(string html, int statusCode) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var filled = html.Contains(TokenSlot, StringComparison.Ordinal)
                ? html.Replace(TokenSlot, StaffForms.TokenField(httpContext), StringComparison.Ordinal)
                : html;
            await Results.Content(filled, "text/html; charset=utf-8", statusCode: statusCode).ExecuteAsync(httpContext);
        }
    }
}
