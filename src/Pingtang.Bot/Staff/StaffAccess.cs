using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Training;

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
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AdminRole));
        return builder;
    }

    public static WebApplication MapStaffAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet(LoginPath, (string? returnUrl) => LoginPage(returnUrl, failed: false));
        app.MapPost(LoginPath, SignInAsync).DisableAntiforgery();
        app.MapGet(HomePath, () => StaffPage.Html(
            "工作人员首页",
            $"""
            <ul>
              <li><a href="{JobStaffEndpoints.Path}">岗位管理</a>：导入站点的岗位表，查看岗位的报名，导出报名表</li>
              <li><a href="{TrainingStaffEndpoints.Path}">培训管理</a>：培训班的新建、调整、停课和导入，花名册、到课与结业，各课程统计</li>
            </ul>
            <form method="post" action="{LogoutPath}"><button type="submit">退出登录</button></form>
            """)).RequireAuthorization(AdminPolicy);
        app.MapPost(LogoutPath, async (HttpContext http) =>
        {
            await http.SignOutAsync();
            return Results.Redirect(LoginPath);
        }).RequireAuthorization(AdminPolicy).DisableAntiforgery();
        return app;
    }

    /// <summary>The administrator password: configured, or generated once and kept in the data folder.</summary>
    public static string AdminPassword(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>()["Staff:AdminPassword"];
        return string.IsNullOrWhiteSpace(configured)
            ? services.GetRequiredService<DataFolder>().GetOrCreateSecret(PasswordFile, () => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant())
            : configured;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IServiceProvider services, ILoggerFactory loggers)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        if (!Matches(form["password"].ToString(), AdminPassword(services)))
        {
            loggers.CreateLogger(typeof(StaffAccess)).LogWarning("A staff sign-in failed: wrong password");
            await Task.Delay(WrongPasswordDelay, http.RequestAborted);
            return LoginPage(returnUrl, failed: true);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, AdminRole)], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(new ClaimsPrincipal(identity));
        // Only a local path: a login link must not send staff to another site.
        return Results.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : HomePath);
    }

    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static IResult LoginPage(string? returnUrl, bool failed) => StaffPage.Html(
        "工作人员登录",
        $"""
        {(failed ? "<p class=\"error\">密码不对，请重试。</p>" : "")}
        <form method="post" action="{LoginPath}">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "")}">
          <label>管理员密码 <input type="password" name="password" autocomplete="current-password" required autofocus></label>
          <button type="submit">登录</button>
        </form>
        """,
        failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
}
