using Microsoft.AspNetCore.Antiforgery;

namespace Pingtang.Bot.Staff;

/// <summary>
/// Antiforgery for the staff area. The staff cookie is SameSite=Strict, but a page on another port of the same host
/// or on a sibling subdomain is the same site to a browser and would still send it; so every staff form carries a
/// token tied to this browser's antiforgery cookie and to who is signed in, and every staff POST without a good one
/// is refused before anything is read or changed. Registering <see cref="IAntiforgery"/> also makes the Hangfire
/// dashboard put a token in its pages and refuse its own POSTs without one.
/// </summary>
public static class StaffForms
{
    public const string CookieName = "pt_staff_af";

    public const string Expired = "页面已过期，或不是从本站的页面提交的。请返回上一页，刷新后再提交。";

    public const string NotAForm = "请从工作人员页面上的表单提交。";

    public const string Broken = "表单没有完整提交，请返回上一页重新提交。";

    public const string TooLarge = "提交的内容太大：上传的表格最多 50 MB，请拆成几个文件分别导入。";

    public static IServiceCollection AddStaffForms(this IServiceCollection services) =>
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The security headers refuse every frame already, more strictly than antiforgery's SAMEORIGIN.
            options.SuppressXFrameOptionsHeader = true;
        });

    /// <summary>Every POST to these endpoints must be a staff page's form with its token.</summary>
    public static TBuilder RequireStaffForm<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            HttpMethods.IsPost(context.HttpContext.Request.Method) && await RefusalAsync(context.HttpContext) is { } refusal
                ? refusal
                : await next(context));

    /// <summary>Why the post is refused, as the page to answer with; null when it is a good form.</summary>
    private static async Task<IResult?> RefusalAsync(HttpContext http)
    {
        var request = http.Request;
        // Browsers say where a request came from; a form of ours is always same-origin.
        if (request.Headers["Sec-Fetch-Site"] is ["same-site" or "cross-site"])
        {
            return Refused(http, Expired, StatusCodes.Status400BadRequest, "from another site");
        }

        if (!request.HasFormContentType)
        {
            return Refused(http, NotAForm, StatusCodes.Status400BadRequest, "not a form");
        }

        try
        {
            // Read here, where a bad body gets its answer; the endpoint then reads the same form from memory.
            await request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(http, TooLarge, StatusCodes.Status413PayloadTooLarge, "too large");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A malformed or cut-off body, or one past the form reader's limits (value length, number of fields).
            return Refused(http, Broken, StatusCodes.Status400BadRequest, "malformed form");
        }

        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http)
            ? null
            : Refused(http, Expired, StatusCodes.Status400BadRequest, "missing or bad antiforgery token");
    }

    private static IResult Refused(HttpContext http, string message, int statusCode, string reason)
    {
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StaffForms))
            .LogWarning("Refused a staff post to {Path}: {Reason}", http.Request.Path, reason);
        return ConsolePage.Notice("无法提交", message, statusCode);
    }
}
