using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// What the web chat page at <c>/</c> needs from the server: a Direct Line token of its own. The secret stays here;
/// the page gets a token bound to one server-chosen user and one new conversation. A signed, HTTP-only cookie keeps
/// the user id, so a worker who comes back on the same phone is the same worker (their profile and subscriptions).
/// </summary>
internal static class WebChatPage
{
    public const string TokenPath = "/api/directline/token";
    public const string RateLimitPolicy = "directline-token";
    public const string UserCookie = "pt_dl_user";
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(180);

    public static void AddTokenRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var perMinute = configuration.GetValue("DirectLine:TokenRequestsPerMinute", 30);
            // Per client address: one phone cannot mint conversations (and worker rows) in bulk. Generous, because
            // many phones share one carrier address.
            options.AddPolicy(RateLimitPolicy, http => SharedRateLimits.PerClient(http, RateLimitPolicy, perMinute));
            options.OnRejected = (context, cancellationToken) =>
            {
                if (context.HttpContext.Request.Path.StartsWithSegments(TokenPath))
                {
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                }

                return ValueTask.CompletedTask;
            };
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });
    }

    /// <summary>
    /// The page's files, compressed (the Web Chat bundle is 3.9 MB, 1 MB with Brotli: it matters on a rural phone
    /// connection) and cached for a day. Only page files are compressed, never JSON that carries tokens.
    /// </summary>
    public static void AddPageCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript"];
        });

    public static void UseWebChatPage(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
    }

    public static void MapWebChatToken(this IEndpointRouteBuilder app) =>
        app.MapPost(TokenPath, IssueTokenAsync).RequireRateLimiting(RateLimitPolicy);

    private static async Task<Ok<TokenResponse>> IssueTokenAsync(HttpContext http, DirectLineTokens tokens, DirectLineStore store, CancellationToken cancellationToken)
    {
        var userId = tokens.UnsealUserId(http.Request.Cookies[UserCookie]) ?? DirectLineStore.NewId(DirectLineApi.UserIdPrefix);
        http.Response.Cookies.Append(UserCookie, tokens.SealUserId(userId), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = TokenPath,
            MaxAge = CookieLifetime,
        });

        var conversation = await store.OpenAsync(userId, userName: null, cancellationToken);
        return TypedResults.Ok(new TokenResponse(
            conversation.Id, tokens.Issue(conversation.Id, conversation.UserId), (int)DirectLineTokens.Lifetime.TotalSeconds));
    }
}
