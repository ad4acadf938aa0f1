using System.IO.Compression;
using System.Text;

namespace Pingtang.Bot.Uploads;

/// <summary>
/// The kinds of file a worker may send as evidence — photos, documents and recordings (a WeChat voice message, a
/// phone's recording of a boss promising the wages) — told by their first bytes (magic numbers), never by the name or
/// the content type the client declared: a renamed executable or web page is refused whatever it calls itself.
/// </summary>
public static class FileSignatures
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 16;

    public const string Doc = "application/msword";
    public const string Xls = "application/vnd.ms-excel";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>What the upload button offers (Web Chat's file dialog) — the same kinds this class accepts.</summary>
    public const string Accept = "image/jpeg,image/png,image/gif,image/webp,image/heic,image/heif,.heic,.pdf,.doc,.docx,.xls,.xlsx,audio/amr,.amr,audio/mpeg,.mp3,audio/mp4,.m4a,audio/ogg,.ogg";

    private static readonly string[] HeicBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis"];
    private static readonly string[] HeifBrands = ["mif1", "msf1", "heif"];
    private static readonly string[] AudioBrands = ["M4A ", "M4B "];

    /// <summary>
    /// The content type to store for a file starting with <paramref name="head"/>, or null when it is not a kind we
    /// accept. Old Office files (doc, xls) share one container format, so there the declared type or the name's
    /// extension picks which of the two; a zip is an Office document only when <see cref="OfficeOpenXml"/> says so.
    /// </summary>
    public static string? Detect(ReadOnlySpan<byte> head, string? declaredType, string? fileName)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head[8..12]);
            return HeicBrands.Contains(brand) ? "image/heic" : HeifBrands.Contains(brand) ? "image/heif" : AudioBrands.Contains(brand) ? "audio/mp4" : null;
        }

        if (head.StartsWith("#!AMR\n"u8))
        {
            return "audio/amr";
        }

        if (head.StartsWith("#!AMR-WB\n"u8))
        {
            return "audio/amr-wb";
        }

        // An MP3 starts with its ID3 tag, or straight with an MPEG-1/2 Layer III frame header.
        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && head[1] is 0xFB or 0xFA or 0xF3 or 0xF2))
        {
            return "audio/mpeg";
        }

        if (head.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return Says(declaredType, fileName, Doc, ".doc") ? Doc : Says(declaredType, fileName, Xls, ".xls") ? Xls : null;
        }

        return null;
    }

    /// <summary>Whether the file starts as a zip does: an Office Open XML document is one, to be opened and checked.</summary>
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    /// <summary>
    /// The content type of a zip that is a Word or Excel document (it holds the part each one must have), or null
    /// for any other zip. Only the zip's directory is read; nothing is inflated.
    /// </summary>
    public static string? OfficeOpenXml(Stream zip)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            var names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? Docx : names.Contains("xl/workbook.xml") ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);

    private static bool Says(string? declaredType, string? fileName, string contentType, string extension) =>
        string.Equals(declaredType, contentType, StringComparison.OrdinalIgnoreCase)
        || (fileName?.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ?? false);
}
