using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// An administrator signed in to the real host, posting forms and uploads as the staff pages' browsers do. The
/// security tests sign in and post only through here, so a change to how staff forms are posted is made once.
/// </summary>
public sealed class StaffSession : IDisposable
{
    public const string Password = "test-admin-password";

    private readonly HttpClient _client;

    private StaffSession(HttpClient client) => _client = client;

    /// <summary>The settings a host needs for <see cref="SignInAsync"/>.</summary>
    public static Dictionary<string, string?> Settings() => new() { ["Staff:AdminPassword"] = Password };

    public static async Task<StaffSession> SignInAsync(PingtangFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = Password, ["returnUrl"] = "/staff" });
        using var response = await client.PostAsync("/staff/login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new StaffSession(client);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(path, form);
    }

    /// <summary>Uploads <paramref name="file"/> as the staff pages' import form does (field <c>file</c>).</summary>
    public async Task<HttpResponseMessage> UploadAsync(string path, byte[] file, string fileName)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        return await _client.PostAsync(path, content);
    }

    public void Dispose() => _client.Dispose();
}
