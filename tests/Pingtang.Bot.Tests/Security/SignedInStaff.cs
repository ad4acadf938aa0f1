using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// An administrator signed in to the real host, posting forms and uploads as the staff pages' browsers do (with the
/// antiforgery token, through <see cref="StaffClient"/>). The input and spreadsheet security tests sign in and post
/// only through here.
/// </summary>
public sealed class SignedInStaff : IDisposable
{
    public const string Password = "test-admin-password";

    private readonly HttpClient _client;

    private SignedInStaff(HttpClient client) => _client = client;

    /// <summary>The settings a host needs for <see cref="SignInAsync"/>.</summary>
    public static Dictionary<string, string?> Settings() => [];

    public static async Task<SignedInStaff> SignInAsync(PingtangFactory factory) => new(await StaffClient.SignInAsync(factory, Password));

    // The token is the signed-in browser's, not one form's: the staff home's serves every post.
    public Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields) =>
        _client.PostFormAsync(path, new Dictionary<string, string>(fields), from: StaffAccess.HomePath);

    /// <summary>Uploads <paramref name="file"/> as the staff pages' import form does (field <c>file</c>).</summary>
    public Task<HttpResponseMessage> UploadAsync(string path, byte[] file, string fileName) =>
        _client.UploadAsync(path, file, fileName, from: StaffAccess.HomePath);

    public void Dispose() => _client.Dispose();
}
