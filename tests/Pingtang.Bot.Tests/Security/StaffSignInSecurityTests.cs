using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;
using Xunit.Abstractions;

namespace Pingtang.Bot.Tests.Security;

/// <summary>The outside test's findings on the staff sign-in, each tried against the real host.</summary>
public sealed class StaffSignInSecurityTests(ITestOutputHelper output) : IDisposable
{
    private const string Password = "test-admin-password";

    /// <summary>The test's header that stands for the client's address (a test host has no socket).</summary>
    private const string AddressHeader = "X-Test-Client-Address";

    private static readonly Dictionary<string, string?> Settings = [];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    private PingtangFactory? _factory;

    public void Dispose() => _factory?.Dispose();

    /// <summary>
    /// The host with the admin account, started at a test's first use: the tests of a live host never start this one.
    /// </summary>
    private async Task<PingtangFactory> FactoryAsync()
    {
        _factory ??= new PingtangFactory(Settings, _clock, services: services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        await StaffClient.EnsureAccountAsync(_factory, StaffClient.Account, Password);
        return _factory;
    }

    private async Task<HttpClient> ClientAsync(bool handleCookies = true) =>
        (await FactoryAsync()).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = handleCookies });

    [Theory]
    [InlineData("//evil.example/staff")]
    [InlineData("/\\evil.example/staff")]
    [InlineData("\\\\evil.example/staff")]
    [InlineData("/\t/evil.example/staff")]
    [InlineData("/\t\\evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("https://evil.example/staff")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("staff/jobs")]
    public async Task Signing_in_never_sends_staff_to_another_host(string returnUrl)
    {
        using var client = await ClientAsync();
        var login = await client.GetStringAsync($"{StaffAccess.LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");

        using var response = await client.SignInAsync(StaffClient.Account, Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(StaffAccess.HomePath, response.Headers.Location?.OriginalString);
        Assert.Contains("name=\"returnUrl\" value=\"\"", login, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/console/jobs?q=BY-2027")]
    [InlineData("/hangfire/recurring")]
    public async Task A_path_of_this_site_is_where_signing_in_goes(string returnUrl)
    {
        using var client = await ClientAsync();

        using var response = await client.SignInAsync(StaffClient.Account, Password, returnUrl);

        Assert.Equal(returnUrl, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Fifteen_wrong_passwords_at_once_lock_the_address_and_then_the_right_one_is_refused()
    {
        await using var host = LiveHost.Start(Settings);
        await StaffClient.EnsureAccountAsync(host.Factory, StaffClient.Account, Password);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        var token = await client.TokenAsync(StaffAccess.LoginPath);

        var guesses = await Task.WhenAll(Enumerable.Range(0, 15).Select(i => PostSignInAsync(client, token, $"guess-{i}")));
        using var right = await PostSignInAsync(client, token, Password);
        var page = await right.Content.ReadAsStringAsync();

        var statuses = guesses.Select(g => g.StatusCode).ToList();
        output.WriteLine($"15 parallel wrong passwords: {statuses.Count(s => s == HttpStatusCode.Unauthorized)} checked (401), {statuses.Count(s => s == HttpStatusCode.TooManyRequests)} locked out (429); then the right one: {(int)right.StatusCode}");
        Assert.Equal(SignInLockout.PerAddress, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(15 - SignInLockout.PerAddress, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("以后再试", page, StringComparison.Ordinal);
        Assert.InRange(int.Parse(right.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, (int)SignInLockout.Window.TotalSeconds);
        foreach (var guess in guesses)
        {
            guess.Dispose();
        }
    }

    [Fact]
    public async Task Wrong_passwords_from_many_addresses_lock_the_account()
    {
        using var client = await ClientAsync();
        var token = await client.TokenAsync(StaffAccess.LoginPath);

        for (var i = 0; i < SignInLockout.PerAccount; i++)
        {
            using var wrong = await PostSignInAsync(client, token, "guess", $"10.0.0.{i + 1}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await PostSignInAsync(client, token, Password, "10.0.1.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("北京时间 10:15 以后再试", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_clears_the_count_and_a_lock_ends_with_its_window()
    {
        using var client = await ClientAsync();
        var token = await client.TokenAsync(StaffAccess.LoginPath);
        async Task<HttpStatusCode> TryAsync(string password)
        {
            using var response = await PostSignInAsync(client, token, password, "10.0.0.9");
            return response.StatusCode;
        }

        var beforeSuccess = new List<HttpStatusCode>();
        for (var i = 0; i < SignInLockout.PerAddress - 1; i++)
        {
            beforeSuccess.Add(await TryAsync("guess"));
        }

        var success = await TryAsync(Password);
        token = await client.TokenAsync(StaffAccess.LoginPath);
        var afterSuccess = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInLockout.PerAddress; i++)
        {
            afterSuccess.Add(await TryAsync("guess"));
        }

        var whileLocked = await TryAsync(Password);
        _clock.Advance(SignInLockout.Window);
        var afterWindow = await TryAsync(Password);

        Assert.All(beforeSuccess, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.Redirect, success);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, SignInLockout.PerAddress), HttpStatusCode.TooManyRequests], afterSuccess);
        Assert.Equal(HttpStatusCode.TooManyRequests, whileLocked);
        Assert.Equal(HttpStatusCode.Redirect, afterWindow);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_staff_sign_out()
    {
        using var staff = await ClientAsync();
        using var signedIn = await staff.SignInAsync(StaffClient.Account, Password, StaffAccess.HomePath);
        var stolen = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pt_staff=", StringComparison.Ordinal)).Split(';')[0];
        using var thief = await ClientAsync(handleCookies: false);
        thief.DefaultRequestHeaders.Add("Cookie", stolen);

        using var before = await thief.GetAsync(StaffAccess.HomePath);
        using var signedOut = await staff.PostFormAsync(StaffAccess.LogoutPath);
        using var after = await thief.GetAsync(StaffAccess.HomePath);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(StaffAccess.LoginPath, signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(StaffAccess.LoginPath, after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await CountSessionsAsync());
    }

    [Fact]
    public async Task A_session_past_its_time_is_refused_and_deleted_at_the_next_sign_in()
    {
        using var first = await StaffClient.SignInAsync(await FactoryAsync(), Password);
        _clock.Advance(TimeSpan.FromHours(9));

        using var expired = await first.GetAsync(StaffAccess.HomePath);
        using var second = await StaffClient.SignInAsync(await FactoryAsync(), Password);

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Equal(1, await CountSessionsAsync());
    }

    [Theory]
    [InlineData("application/json", "{\"password\":\"test-admin-password\",\"returnUrl\":\"/console\"}")]
    [InlineData("text/plain", "password=test-admin-password")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\ntest-admin-password")]
    [InlineData("multipart/form-data", "password=test-admin-password")]
    [InlineData(null, null)]
    public async Task A_sign_in_that_is_not_a_good_form_gets_400_and_signs_nobody_in(string? contentType, string? body)
    {
        using var client = await ClientAsync();
        var token = await client.TokenAsync(StaffAccess.LoginPath);
        using var request = new HttpRequestMessage(HttpMethod.Post, StaffAccess.LoginPath);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType!);
        }

        request.Headers.Add("RequestVerificationToken", token);

        using var response = await client.SendAsync(request);
        using var home = await client.GetAsync(StaffAccess.HomePath);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_five_megabyte_password_is_refused_before_it_is_read()
    {
        await using var host = LiveHost.Start(Settings);
        await StaffClient.EnsureAccountAsync(host.Factory, StaffClient.Account, Password);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        var token = await client.TokenAsync(StaffAccess.LoginPath);

        using var response = await PostSignInAsync(client, token, new string('x', 5 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(StaffForms.TooLarge, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string token, string password, string? address = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StaffAccess.LoginPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [StaffClient.TokenField] = token,
                ["account"] = StaffClient.Account,
                ["password"] = password,
                ["returnUrl"] = StaffAccess.HomePath,
            }),
        };
        // Kestrel answers 413 from the length alone and closes the connection; waiting for its answer before sending
        // the body lets the client read it rather than fail half-way through writing.
        request.Headers.ExpectContinue = password.Length > StaffAccess.MaxSignInBytes;
        if (address is not null)
        {
            request.Headers.Add(AddressHeader, address);
        }

        return await client.SendAsync(request);
    }

    private async Task<int> CountSessionsAsync()
    {
        await using var db = await (await FactoryAsync()).Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        return await db.Set<StaffSession>().CountAsync();
    }

    /// <summary>Gives each request the client address its test header names.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
