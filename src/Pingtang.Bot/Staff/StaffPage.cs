using System.Net;

namespace Pingtang.Bot.Staff;

/// <summary>The staff area's plain page frame: readable on a station's old laptop and on a phone.</summary>
public static class StaffPage
{
    public static IResult Html(string title, string body, int statusCode = StatusCodes.Status200OK) => Results.Content(
        $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{WebUtility.HtmlEncode(title)}} · 平塘就业助手</title>
          <style>
            body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.6; }
            table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
            .error { color: #b00020; } input, button { font-size: 1rem; padding: .3rem; margin: .25rem 0; }
          </style>
        </head>
        <body>
        <h1>{{WebUtility.HtmlEncode(title)}}</h1>
        {{body}}
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: statusCode);
}
