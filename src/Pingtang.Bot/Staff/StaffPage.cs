using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Pingtang.Bot.Staff;

/// <summary>
/// The staff pages built as HTML text (jobs, training, outbox) until they move to Razor: drawn inside the console's
/// frame (<see cref="ConsoleFrame"/>), so every staff page has the same bar, navigation and look.
/// </summary>
public static class StaffPage
{
    /// <summary>
    /// Where a form's antiforgery field goes; filled in when the page is sent. It cannot come from a sheet or a
    /// worker: their text is HTML-encoded, and encoded text has no <c>&lt;</c>.
    /// </summary>
    private const string TokenSlot = "<!--antiforgery-->";

    /// <summary>A page in the console's frame; <paramref name="body"/> is HTML its maker has encoded.</summary>
    public static IResult Html(string title, string body, int statusCode = StatusCodes.Status200OK) => new Page(title, body, statusCode);

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
    public static string ChinaTimeText(DateTimeOffset instant) => Pingtang.Domain.ChinaTime.Text(instant);

    private sealed class Page(string title, string body, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var filled = body.Contains(TokenSlot, StringComparison.Ordinal)
                ? body.Replace(TokenSlot, StaffForms.TokenField(httpContext), StringComparison.Ordinal)
                : body;
            return ConsolePage.Show<StaffFramePage>(new { Title = title, Body = new MarkupString(filled) }, statusCode).ExecuteAsync(httpContext);
        }
    }
}
