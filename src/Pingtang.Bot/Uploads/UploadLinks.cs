using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pingtang.Bot.Uploads;

/// <summary>Whether a file link may open its file.</summary>
public enum LinkCheck
{
    Valid,
    Forged,
    Expired,
}

/// <summary>
/// Signed, expiring links to stored files (<c>/attachments/ID?expires=…&amp;sig=…</c>), like the SAS URLs Azure's
/// Direct Line gives for attachments. A browser shows an image with <c>&lt;img src&gt;</c>, which cannot carry the
/// Direct Line token, so the link itself is the permission: HMAC-SHA256 of the id and the expiry under a key of its own.
/// </summary>
public sealed class UploadLinks(byte[] key, TimeProvider time, TimeSpan lifetime)
{
    public const string PathPrefix = "/attachments/";

    /// <summary>An absolute link under <paramref name="baseUrl"/> to the file, valid for the configured lifetime.</summary>
    public Uri For(Uri baseUrl, string fileId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var path = $"{baseUrl.AbsolutePath.TrimEnd('/')}{PathPrefix}{Uri.EscapeDataString(fileId)}";
        return new UriBuilder(baseUrl) { Path = path, Query = $"expires={expires}&sig={Signature(fileId, expires)}" }.Uri;
    }

    public LinkCheck Check(string fileId, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            || signature is null || !Base64Url.IsValid(signature)
            || !CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(signature), Mac(fileId, at)))
        {
            return LinkCheck.Forged;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() < at ? LinkCheck.Valid : LinkCheck.Expired;
    }

    /// <summary>
    /// The file id a link of ours names (absolute, or just its path), or null when it is not such a link. The
    /// signature is not checked: whoever resolves a stored link (the staff console) checks access itself, and a
    /// case's evidence must stay readable after the link has expired or the key was replaced.
    /// </summary>
    public static string? FileIdOf(string? link)
    {
        if (string.IsNullOrEmpty(link) || !Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : link.Split('?', '#')[0];
        var at = path.LastIndexOf(PathPrefix, StringComparison.Ordinal);
        var id = at < 0 ? "" : Uri.UnescapeDataString(path[(at + PathPrefix.Length)..]);
        return id.Length is > 0 and <= 32 && Base64Url.IsValid(id) ? id : null;
    }

    private string Signature(string fileId, long expires) => Base64Url.EncodeToString(Mac(fileId, expires));

    private byte[] Mac(string fileId, long expires) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{fileId}\n{expires}")));
}
