using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Scheduling;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;

namespace Pingtang.Bot.Tests.Security;

/// <summary>The outside test's headers, asked of the host as it starts (scheduling on, so the dashboard is there).</summary>
[Collection(HangfireCollection.Name)]
public sealed partial class SecurityHeadersTests : IDisposable
{
    private const string Password = "test-admin-password";

    private readonly PingtangFactory _factory = new(new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" });

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, string> Responses() => new()
    {
        { "GET", "/" },
        { "GET", "/index.html" },
        { "GET", "/js/chat.js" },
        { "GET", "/lib/webchat.js" },
        { "GET", StaffAccess.LoginPath },
        { "GET", StaffAccess.HomePath },
        { "GET", JobStaffEndpoints.Path },
        { "GET", TrainingStaffEndpoints.Path },
        { "GET", SchedulingExtensions.DashboardPath },
        { "GET", SchedulingExtensions.DashboardPath + "/recurring" },
        { "POST", "/api/directline/token" },
        { "POST", "/v3/directline/conversations" },
        { "GET", "/no-such-page" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_refuses_framing_sniffing_referrers_and_inline_script(string method, string path)
    {
        using var staff = await StaffClient.SignInAsync(_factory, Password);

        using var response = await staff.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["base-uri"]);
        Assert.Equal("'none'", policy["default-src"]);
        Assert.DoesNotContain("'unsafe-inline'", policy.GetValueOrDefault("script-src") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", policy.GetValueOrDefault("script-src") ?? "", StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
    }

    [Theory]
    [InlineData("/", "'self'", "'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")]
    [InlineData(StaffAccess.HomePath, "'self'", "'self'")]
    [InlineData(SchedulingExtensions.DashboardPath, "'self'", "'self' 'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='")]
    public async Task Each_page_runs_only_its_own_files_and_only_the_chat_page_and_dashboard_allow_a_style_of_their_libraries(string path, string script, string style)
    {
        using var staff = await StaffClient.SignInAsync(_factory, Password);

        using var response = await staff.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal(script, policy["script-src"]);
        Assert.Equal(style, policy["style-src"]);
    }

    [Fact]
    public async Task The_chat_page_may_open_the_Direct_Line_WebSocket_of_its_own_host_only_and_read_its_own_chosen_files()
    {
        using var response = await _factory.CreateClient().GetAsync("/");
        using var madeUp = await _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example/") }).GetAsync("/");

        Assert.Equal("'self' blob: ws://localhost", Directives(Header(response, "Content-Security-Policy"))["connect-src"]);
        Assert.Equal("'self' blob:", Directives(Header(madeUp, "Content-Security-Policy"))["connect-src"]);
    }

    [Fact]
    public async Task Pages_served_over_https_tell_browsers_to_keep_to_https()
    {
        using var factory = new PingtangFactory(new Dictionary<string, string?> { ["AllowedHosts"] = "pingtang.example" });
        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://pingtang.example/") });
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://pingtang.example/") });

        using var secure = await https.GetAsync("/");
        using var plain = await http.GetAsync("/");

        Assert.StartsWith("max-age=", Header(secure, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal("'self' blob: wss://pingtang.example", Directives(Header(secure, "Content-Security-Policy"))["connect-src"]);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Staff_pages_and_the_chat_page_have_no_inline_script_or_style()
    {
        using var staff = await StaffClient.SignInAsync(_factory, Password);
        foreach (var path in new[] { "/", StaffAccess.LoginPath, StaffAccess.HomePath, JobStaffEndpoints.Path, TrainingStaffEndpoints.Path, $"{TrainingStaffEndpoints.Path}/new", $"{TrainingStaffEndpoints.Path}/counts" })
        {
            var html = await staff.GetStringAsync(path);

            Assert.DoesNotMatch(InlineCode(), html);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header");

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    /// <summary>A style element or attribute, an event handler attribute, or a script element without src.</summary>
    [GeneratedRegex(@"<style|\sstyle=|\son[a-z]+=|<script(?![^>]*\ssrc=)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();
}
