using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;

namespace Pingtang.Bot.Staff;

/// <summary>
/// The staff area's door until the staff console brings named accounts: one administrator password,
/// <c>Staff:AdminPassword</c>, or — when it is not set — one generated into the data folder's
/// <c>admin-password</c> file at first start. Signing in gives a cookie that the <see cref="AdminPolicy"/> requires.
/// </summary>
public static class StaffAccess
{
    public const string AdminPolicy = "admin";
    public const string AdminRole = "admin";
    public const string LoginPath = "/staff/login";
    public const string LogoutPath = "/staff/logout";
    public const string PasswordFile = "admin-password";
    public const string HomePath = "/staff";

    /// <summary>The account of <see cref="AdminPassword"/>, until the staff console brings named accounts.</summary>
    public const string Account = "admin";

    /// <summary>A sign-in is a password and two hidden fields: anything bigger is not one.</summary>
    public const long MaxSignInBytes = 16 * 1024;

    public const string LockedText = "密码错误次数太多，登录已暂停。请在北京时间 {0} 以后再试。";

    /// <summary>Slows guessing: every wrong password costs the guesser this long.</summary>
    private static readonly TimeSpan WrongPasswordDelay = TimeSpan.FromSeconds(1);

    public static WebApplicationBuilder AddStaffAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = LoginPath;
                options.Cookie.Name = "pt_staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });
        // The cookie is only a key to a session kept in the database, so signing out ends it for every copy.
        builder.Services.AddSingleton<StaffSessionStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<StaffSessionStore>((options, store) => options.SessionStore = store);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole));
        builder.Services.AddStaffForms();
        builder.Services.AddSingleton<SignInLockout>();
        return builder;
    }

    public static WebApplication MapStaffAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(LoginPath, (string? returnUrl) => LoginPage(returnUrl, failed: false));
        app.MapPost(LoginPath, SignInAsync)
            .RequireStaffForm()
            .WithMetadata(new RequestSizeLimitAttribute(MaxSignInBytes))
            .WithFormOptions(valueCountLimit: 8, valueLengthLimit: (int)MaxSignInBytes);
        var staff = app.MapStaffArea(HomePath);
        staff.MapGet("/", (IEnumerable<StaffLink> links) => StaffPage.Html(
            "工作人员首页",
            $"""
            <ul>
            {string.Concat(links.Select(l => $"  <li><a href=\"{l.Path}\">{WebUtility.HtmlEncode(l.Title)}</a>：{WebUtility.HtmlEncode(l.Description)}</li>\n"))}</ul>
            {StaffPage.PostForm(LogoutPath, "<button type=\"submit\">退出登录</button>")}
            """));
        staff.MapPost(LogoutPath[HomePath.Length..], async (HttpContext http) =>
        {
            // Deletes the session row too: a copy of the cookie is worth nothing from here on.
            await http.SignOutAsync();
            return Results.Redirect(LoginPath);
        });
        return app;
    }

    /// <summary>
    /// Endpoints under <paramref name="path"/> for administrators: signed in, every POST a staff form with its token,
    /// and nothing kept by a browser or proxy, since the pages show workers' names and phone numbers.
    /// </summary>
    public static RouteGroupBuilder MapStaffArea(this IEndpointRouteBuilder app, string path)
    {
        var area = app.MapGroup(path).RequireAuthorization(AdminPolicy).RequireStaffForm();
        area.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        return area;
    }

    /// <summary>
    /// Whether a return address is a path on this site. Browsers drop tabs and line breaks from a URL and read
    /// <c>\</c> as <c>/</c>, so <c>/\evil.example</c> or <c>/&lt;tab&gt;/evil.example</c> would be another host: only
    /// printable ASCII without backslashes, starting with one <c>/</c> and not two, is taken.
    /// </summary>
    public static bool IsLocalPath(string? url) =>
        url is ['/', ..]
        && !url.StartsWith("//", StringComparison.Ordinal)
        && url.All(c => c is > ' ' and < '\x7f' and not '\\');

    /// <summary>The administrator password: configured, or generated once and kept in the data folder.</summary>
    public static string AdminPassword(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()["Staff:AdminPassword"];
        return string.IsNullOrWhiteSpace(configured)
            ? services.GetRequiredService<DataFolder>().GetOrCreateSecret(PasswordFile, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant())
            : configured;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignInLockout lockout, TimeProvider time, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = form["returnUrl"].ToString();
        var address = http.Connection.RemoteIpAddress;
        var logger = loggers.CreateLogger(typeof(StaffAccess));
        if (await lockout.CountAsync(address, Account, cancellationToken) is { } lockedUntil)
        {
            logger.LogWarning("A staff sign-in was refused: too many attempts, locked until {LockedUntil:u}", lockedUntil);
            var wait = lockedUntil - time.GetUtcNow();
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var at = TimeZoneInfo.ConvertTime(lockedUntil, ChinaTime.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);
            return StaffPage.Html("暂停登录", $"<p class=\"error\">{string.Format(CultureInfo.InvariantCulture, LockedText, at)}</p>", StatusCodes.Status429TooManyRequests);
        }

        if (!Matches(form["password"].ToString(), AdminPassword(services)))
        {
            logger.LogWarning("A staff sign-in failed: wrong password");
            // Wall-clock time on purpose: it is the guesser who waits, whatever clock the service runs on.
            await Task.Delay(WrongPasswordDelay, cancellationToken);
            return LoginPage(returnUrl, failed: true);
        }

        await lockout.ClearAsync(address, Account, cancellationToken);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Account), new Claim(ClaimTypes.Role, AdminRole)], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(new ClaimsPrincipal(identity));
        return Results.Redirect(IsLocalPath(returnUrl) ? returnUrl : HomePath);
    }

    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static IResult LoginPage(string? returnUrl, bool failed)
    {
        var form = StaffPage.PostForm(LoginPath, $"""
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(IsLocalPath(returnUrl) ? returnUrl : "")}">
            <label>管理员密码 <input type="password" name="password" autocomplete="current-password" required autofocus></label>
            <button type="submit">登录</button>
            """);
        return StaffPage.Html(
            "工作人员登录",
            $"{(failed ? "<p class=\"error\">密码不对，请重试。</p>" : "")}{form}",
            failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
