using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Staff;
using Pingtang.Domain;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// The staff pages as a browser uses them: every form is posted with the antiforgery token of a page it was on,
/// and the client keeps the cookies (staff session and antiforgery) between requests.
/// </summary>
public static partial class StaffClient
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The account <see cref="SignInAsync(PingtangFactory, string, string)"/> signs in with: an admin of every station.</summary>
    public const string Account = "county-admin";

    /// <summary>A client signed in through the login form as the county's admin; redirects are not followed, so tests see them.</summary>
    public static Task<HttpClient> SignInAsync(PingtangFactory factory, string password, string returnUrl = StaffAccess.HomePath) =>
        SignInAsAsync(factory, Account, password, StaffRole.Admin, null, returnUrl);

    /// <summary>A client signed in as <paramref name="account"/>, made first when the host does not have it.</summary>
    public static async Task<HttpClient> SignInAsAsync(PingtangFactory factory, string account, string password, StaffRole role, int? stationId, string returnUrl = StaffAccess.HomePath)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await EnsureAccountAsync(factory, account, password, role, stationId);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.SignInAsync(account, password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Makes the account, with a password of its own (nothing to change), unless the host has it.</summary>
    public static async Task EnsureAccountAsync(PingtangFactory factory, string account, string password, StaffRole role = StaffRole.Admin, int? stationId = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
        if (!await db.StaffMembers.AnyAsync(s => s.Account == account))
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(account, account, role, stationId, password, mustChangePassword: false, CancellationToken.None);
        }
    }

    /// <summary>Posts the login page's form.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string account, string password, string returnUrl) =>
        client.PostFormAsync(StaffAccess.LoginPath, new Dictionary<string, string> { ["account"] = account, ["password"] = password, ["returnUrl"] = returnUrl }, from: StaffAccess.LoginPath);

    /// <summary>The antiforgery token in the forms of the page at <paramref name="page"/>.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string page)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(page);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"No antiforgery field on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form, with the token of the page it is on (the staff home unless said).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IDictionary<string, string>? fields = null, string from = StaffAccess.HomePath)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { [TokenField] = await client.TokenAsync(from) };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(path, content);
    }

    /// <summary>Uploads a file as the import forms do, with the token of the page the form is on.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string path, byte[] file, string fileName, string from)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new MultipartFormDataContent { { new StringContent(await client.TokenAsync(from)), TokenField } };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        return await client.PostAsync(path, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
