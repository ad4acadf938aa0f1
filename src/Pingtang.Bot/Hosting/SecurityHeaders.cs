using Pingtang.Bot.Scheduling;
using Pingtang.Bot.Staff;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Headers that make a browser refuse what the service never does: run script it did not serve, show its pages in
/// another site's frame, guess a response's type, or tell other sites which page a link was on. Every response gets
/// them; each kind of page gets the strictest Content-Security-Policy it works under, and none allows inline script.
/// HSTS is sent over HTTPS outside Development (ASP.NET Core's own middleware, which skips plain HTTP and localhost).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// SHA-256 of the empty string. Web Chat (emotion, react-scroll-to-bottom) adds empty <c>&lt;style&gt;</c>
    /// elements and fills them through the CSSOM, which a policy does not govern; react-scroll-to-bottom ignores Web
    /// Chat's <c>nonce</c>. Allowing only empty style elements lets that work while a style element with any text in
    /// it (injected markup) is still refused, so the page needs neither a nonce nor <c>'unsafe-inline'</c>.
    /// </summary>
    public const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    /// <summary>
    /// Hangfire 1.8's dashboard bundles Chart.js 2.9.4, which adds one <c>&lt;style&gt;</c> of its own: this is its
    /// hash (another Hangfire version may need another; the browser test says so).
    /// </summary>
    public const string DashboardChartStyleHash = "'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='";

    private const string Everywhere = "base-uri 'none'; frame-ancestors 'none'";

    /// <summary>JSON, files, redirects: nothing to run, embed or submit.</summary>
    public const string DefaultPolicy = $"default-src 'none'; form-action 'none'; {Everywhere}";

    /// <summary>The console: its own scripts and styles, and its live connection (SignalR, same origin).</summary>
    public const string StaffPolicy = $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; {Everywhere}";

    /// <summary>The 车长's boarding page: its stylesheet and its own forms, no script at all.</summary>
    public const string BoardingPolicy = $"default-src 'none'; style-src 'self'; form-action 'self'; {Everywhere}";

    /// <summary>
    /// Hangfire's own page: besides its Chart.js style, <c>style="…"</c> attributes on the job pages, a
    /// <c>data:</c> favicon, its icon font, and its polling of <c>/hangfire/stats</c>.
    /// </summary>
    public const string DashboardPolicy = $"default-src 'none'; script-src 'self'; style-src 'self' {DashboardChartStyleHash}; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; {Everywhere}";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            // When the headers go out, not now: a later step may set or clear headers of its own.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Policy(context.Request);
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                // Our own pages still tell each other where a request came from; no other site learns which page it was.
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static string Policy(HttpRequest request)
    {
        // The dashboard runs as a branch of its own: by the time its headers go out, its prefix is in PathBase.
        var path = request.PathBase.Add(request.Path);
        if (path.StartsWithSegments(SchedulingExtensions.DashboardPath))
        {
            return DashboardPolicy;
        }

        if (path.StartsWithSegments(StaffAccess.HomePath) || path.StartsWithSegments(StaffAccess.OldHomePath))
        {
            return StaffPolicy;
        }

        if (path.StartsWithSegments(ReturnTrips.TripBoardingEndpoints.Path))
        {
            return BoardingPolicy;
        }

        return path.Value is "/" or "/index.html" ? ChatPolicy(request) : DefaultPolicy;
    }

    /// <summary>
    /// The web chat page: its own files, images Web Chat makes as <c>blob:</c> URLs, the token endpoint and Direct
    /// Line over HTTP, and Direct Line's WebSocket at the address its <c>streamUrl</c> names (<see cref="PublicAddress"/>;
    /// not every browser counts <c>ws:</c> as <c>'self'</c>). A host that is not ours gets no stream, so no source.
    /// <c>connect-src blob:</c> because directlinejs reads a chosen file back from its <c>blob:</c> URL (an XHR) to
    /// put it in the upload; a <c>blob:</c> URL is only ever the page's own, made by script the page already runs.
    /// </summary>
    private static string ChatPolicy(HttpRequest request)
    {
        var stream = request.HttpContext.RequestServices.GetRequiredService<PublicAddress>().BaseFor(request) is { } baseUrl
            ? $" {PublicAddress.WebSocketOrigin(baseUrl)}"
            : "";
        return $"default-src 'none'; script-src 'self'; style-src 'self' {EmptyStyleHash}; img-src 'self' blob:; " +
            $"connect-src 'self' blob:{stream}; form-action 'none'; {Everywhere}";
    }
}
