using Pingtang.Domain;

namespace Pingtang.Bot.Uploads;

/// <summary>
/// The name a worker's phone gave a file, made safe to keep and show: it is metadata only (files are stored under a
/// random id), so it needs no path, no control or direction characters, and a length a page can show.
/// </summary>
public static class UploadNames
{
    public const int MaxLength = 128;

    public const string Unnamed = "文件";

    public static string Clean(string? name)
    {
        // Only the last segment: "C:\fakepath\合同.jpg" (what browsers send) or "../../x" are just their file names.
        var last = name?.Split('/', '\\')[^1] ?? "";
        var clean = TypedText.Clean(last).Replace('\n', ' ').Replace('\r', ' ').Trim().Trim('.').Trim();
        if (clean.Length > MaxLength)
        {
            // Keep the extension, which tells staff what the file is.
            var extension = Path.GetExtension(clean);
            clean = extension.Length is > 0 and <= 10 ? clean[..(MaxLength - extension.Length)] + extension : clean[..MaxLength];
        }

        return clean.Length == 0 ? Unnamed : clean;
    }
}
