using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Pingtang.Bot.Staff;

/// <summary>Console pages as endpoint results: a Razor component rendered on the server, with its status code.</summary>
public static class ConsolePage
{
    public static RazorComponentResult<TPage> Show<TPage>(object parameters, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new(parameters) { StatusCode = statusCode };

    public static RazorComponentResult<NoticePage> Notice(string title, string message, int statusCode = StatusCodes.Status200OK, string? back = null) =>
        Show<NoticePage>(new { Title = title, Message = message, Error = statusCode >= 400, Back = back }, statusCode);

    /// <summary>The answer to an id of another station, or of nothing: the same, so it tells nothing about the other.</summary>
    public static RazorComponentResult<NoticePage> Forbidden() =>
        Notice("无权查看", "没有这一条，或者它属于别的站点，您无权查看。", StatusCodes.Status403Forbidden);
}

/// <summary>A password made for someone, shown once on the page that made it.</summary>
public sealed record OneTimePassword(string Account, string Password);
