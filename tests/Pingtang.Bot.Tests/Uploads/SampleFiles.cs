using System.IO.Compression;
using System.Text;

namespace Pingtang.Bot.Tests.Uploads;

/// <summary>Small real files of each kind, and impostors, made here rather than committed.</summary>
internal static class SampleFiles
{
    /// <summary>A 48×48 PNG, green with a white square: decodable by a browser, visible in a screenshot.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAQ0lEQVR42u3XsQ0AMAgDQfoMxybs35ElQIqis36Aax2n8qkCCAgICAhoAdRDAwICAgICAgICAgICAvJcgYCAgIC+A12s4//mOKvL4AAAAABJRU5ErkJggg==");

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xFF, 0xD9];

    /// <summary>An AMR-NB recording as WeChat keeps a voice message: the header and two silent frames.</summary>
    public static readonly byte[] Amr = [.. "#!AMR\n"u8, 0x3C, .. new byte[31], 0x3C, .. new byte[31]];

    /// <summary>A web page that calls itself a photo.</summary>
    public static readonly byte[] Html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

    /// <summary>The start of an old Office (OLE compound) file: doc or xls, which only the name or declared type tells apart.</summary>
    public static readonly byte[] OleCompound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0, 0x3E, 0x00];

    public static byte[] Docx() => Zip("[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels");

    public static byte[] Xlsx() => Zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

    /// <summary>A zip that is no Office document (a program, say), named like one.</summary>
    public static byte[] PlainZip() => Zip("setup.exe");

    public static byte[] Sized(int length, byte[] head)
    {
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }
}
