using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Staff;

/// <summary>
/// The console's door: named staff accounts (<see cref="StaffAccounts"/>), a cookie that is only a key to a session
/// kept in the database, and two policies — <see cref="StaffPolicy"/> for every signed-in member, who sees their own
/// station's records, and <see cref="AdminPolicy"/> for the county's administrators.
/// </summary>
public static class StaffAccess
{
    public const string StaffPolicy = "staff";
    public const string AdminPolicy = "admin";
    public const string HomePath = "/console";
    public const string LoginPath = "/console/login";
    public const string LogoutPath = "/console/logout";
    public const string PasswordPath = "/console/password";

    /// <summary>Where the staff pages lived before the console; its address still leads there.</summary>
    public const string OldHomePath = "/staff";

    /// <summary>A sign-in is two fields and two hidden ones: anything bigger is not one.</summary>
    public const long MaxSignInBytes = 16 * 1024;

    public const string LockedText = "密码错误次数太多，登录已暂停。请在北京时间 {0} 以后再试。";
    public const string WrongText = "账号或密码不对，请重试。";
    public const string DisabledText = "这个账号已停用，请找管理员。";

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
                options.Events.OnValidatePrincipal = EndIfChangedAsync;
                // Signed in, but not for this page (a station's staff on an admin page): say so here, not at a redirect.
                options.Events.OnRedirectToAccessDenied = context => ConsolePage.Forbidden().ExecuteAsync(context.HttpContext);
            });
        // The cookie is only a key to a session kept in the database, so signing out ends it for every copy.
        builder.Services.AddSingleton<StaffSessionStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<StaffSessionStore>((options, store) => options.SessionStore = store);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffIdentity.StaffRoleName, StaffIdentity.AdminRoleName))
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffIdentity.AdminRoleName));
        builder.Services.AddStaffForms();
        builder.Services.AddSingleton<SignInLockout>();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<StaffAudit>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRazorComponents();
        // Razor's encoder would write every Chinese character as &#x…;: encode markup, not the language of the pages.
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHostedService<FirstAdmin>();
        builder.Services.AddSingleton(new StaffLink(StaffAccountEndpoints.Path, "账号管理", "工作人员的账号、角色、站点，重设密码和停用", AdminOnly: true, Order: 90));
        builder.Services.AddSingleton(new StaffLink(StaffAccountEndpoints.AuditPath, "操作记录", "谁在什么时候看了、导出了、改了什么", AdminOnly: true, Order: 91));
        return builder;
    }

    public static WebApplication MapStaffAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(LoginPath, (string? returnUrl) => SignInPage(returnUrl, null, null, StatusCodes.Status200OK));
        app.MapPost(LoginPath, SignInAsync)
            .RequireStaffForm()
            .WithMetadata(new RequestSizeLimitAttribute(MaxSignInBytes))
            .WithFormOptions(valueCountLimit: 8, valueLengthLimit: (int)MaxSignInBytes);
        app.MapGet($"{OldHomePath}/{{**rest}}", (HttpRequest request, string? rest) => Results.Redirect($"{HomePath}/{rest}{request.QueryString}"));
        var console = app.MapStaffArea(HomePath, StaffPolicy);
        console.MapGet("/", (ClaimsPrincipal user) => ConsolePage.Show<HomePage>(new { User = StaffIdentity.Of(user) }));
        console.MapPost(LogoutPath[HomePath.Length..], async (HttpContext http, StaffAudit audit, CancellationToken cancellationToken) =>
        {
            await audit.RecordAsync(http.User, AuditKind.Account, "退出登录", null, null, cancellationToken);
            // Deletes the session row too: a copy of the cookie is worth nothing from here on.
            await http.SignOutAsync();
            return Results.Redirect(LoginPath);
        });
        console.MapGet(PasswordPath[HomePath.Length..], (ClaimsPrincipal user, string? returnUrl) =>
            ConsolePage.Show<PasswordPage>(new { MustChange = StaffIdentity.Of(user).MustChangePassword, ReturnUrl = LocalOrNull(returnUrl) }));
        console.MapPost(PasswordPath[HomePath.Length..], ChangePasswordAsync);
        app.MapStaffAccounts();
        return app;
    }

    /// <summary>
    /// Endpoints under <paramref name="path"/> for signed-in staff of <paramref name="policy"/>: every POST a staff
    /// form with its token, a one-time password changed before anything else, and nothing kept by a browser or
    /// proxy, since the pages show workers' names and phone numbers.
    /// </summary>
    public static RouteGroupBuilder MapStaffArea(this IEndpointRouteBuilder app, string path, string policy = AdminPolicy)
    {
        var area = app.MapGroup(path).RequireAuthorization(policy).RequireStaffForm();
        area.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.CacheControl = "no-store";
            if (StaffIdentity.Of(http.User).MustChangePassword && !http.Request.Path.StartsWithSegments(PasswordPath) && !http.Request.Path.StartsWithSegments(LogoutPath))
            {
                return Results.Redirect($"{PasswordPath}?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
            }

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

    private static string? LocalOrNull(string? url) => IsLocalPath(url) ? url : null;

    /// <summary>
    /// A session of an account disabled, or whose password changed, since it signed in ends at its next request:
    /// the stamp in its cookie is no longer the account's.
    /// </summary>
    private static async Task EndIfChangedAsync(CookieValidatePrincipalContext context)
    {
        var user = StaffIdentity.Of(context.Principal);
        var stamp = context.Principal?.FindFirstValue(StaffIdentity.StampClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<PingtangDb>();
        var current = await db.StaffMembers.AsNoTracking().Where(s => s.Id == user.Id)
            .Select(s => new { s.SessionStamp, s.DisabledAt }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || current.DisabledAt is not null || current.SessionStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync();
        }
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignInLockout lockout, StaffAccounts accounts, StaffAudit audit, PingtangDb db, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = LocalOrNull(form["returnUrl"].ToString());
        var typed = form["account"].ToString();
        var account = StaffMember.NormalizeAccount(typed) ?? "?";
        var address = http.Connection.RemoteIpAddress;
        var logger = loggers.CreateLogger(typeof(StaffAccess));
        if (await lockout.CountAsync(address, account, cancellationToken) is { } lockedUntil)
        {
            logger.LogWarning("A staff sign-in was refused: too many attempts, locked until {LockedUntil:u}", lockedUntil);
            var wait = lockedUntil - time.GetUtcNow();
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var at = ChinaTime.Text(lockedUntil, "HH:mm");
            return SignInPage(returnUrl, typed, string.Format(CultureInfo.InvariantCulture, LockedText, at), StatusCodes.Status429TooManyRequests);
        }

        var member = await accounts.VerifyAsync(account, form["password"].ToString(), cancellationToken);
        if (member is null)
        {
            logger.LogWarning("A staff sign-in failed: wrong account or password");
            // Wall-clock time on purpose: it is the guesser who waits, whatever clock the service runs on.
            await Task.Delay(WrongPasswordDelay, cancellationToken);
            return SignInPage(returnUrl, typed, WrongText, StatusCodes.Status401Unauthorized);
        }

        if (member.IsDisabled)
        {
            logger.LogWarning("A staff sign-in was refused: the account {StaffId} is disabled", member.Id);
            return SignInPage(returnUrl, typed, DisabledText, StatusCodes.Status403Forbidden);
        }

        await lockout.ClearAsync(address, account, cancellationToken);
        member.SignedIn(time.GetUtcNow());
        await db.Entry(member).Reference(m => m.Station).LoadAsync(cancellationToken);
        var principal = StaffIdentity.Principal(member);
        http.User = principal;
        audit.Add(principal, AuditKind.Account, "登录");
        await db.SaveChangesAsync(cancellationToken);
        await http.SignInAsync(principal);
        return member.MustChangePassword
            ? Results.Redirect(returnUrl is null ? PasswordPath : $"{PasswordPath}?returnUrl={Uri.EscapeDataString(returnUrl)}")
            : Results.Redirect(returnUrl ?? HomePath);
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext http, StaffAccounts accounts, StaffAudit audit, PingtangDb db, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = LocalOrNull(form["returnUrl"].ToString());
        var staff = StaffIdentity.Of(http.User);
        var member = await accounts.FindAsync(staff.Id, cancellationToken);
        var password = form["password"].ToString();
        var error = member is null || await accounts.VerifyAsync(member.Account, form["current"].ToString(), cancellationToken) is null
            ? "现在的密码不对。"
            : password != form["repeat"].ToString()
                ? "两次输入的新密码不一样。"
                : password == form["current"].ToString()
                    ? "新密码不能和现在的一样。"
                    : StaffAccounts.Weakness(member, password);
        if (error is not null || member is null)
        {
            return ConsolePage.Show<PasswordPage>(new { MustChange = staff.MustChangePassword, ReturnUrl = returnUrl, Error = error }, StatusCodes.Status400BadRequest);
        }

        audit.Add(http.User, AuditKind.Account, "修改密码");
        await accounts.ChangePasswordAsync(member, password, cancellationToken);
        // The new stamp ends every other session of the account; this one's ticket is renewed with it.
        await db.Entry(member).Reference(m => m.Station).LoadAsync(cancellationToken);
        await http.SignInAsync(StaffIdentity.Principal(member));
        return Results.Redirect(returnUrl ?? HomePath);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<SignInPage> SignInPage(string? returnUrl, string? account, string? error, int statusCode) =>
        ConsolePage.Show<SignInPage>(new { ReturnUrl = LocalOrNull(returnUrl), Account = account, Error = error }, statusCode);
}
