using Pingtang.Bot.Uploads;

namespace Pingtang.Bot.Tests.Uploads;

public sealed class FileSignaturesTests
{
    public static TheoryData<string, string?, string?, string?> Kinds() => new()
    {
        { "png", "application/octet-stream", "x.bin", "image/png" },
        { "jpeg", null, null, "image/jpeg" },
        { "gif", "image/png", "a.png", "image/gif" },
        { "webp", null, "a.webp", "image/webp" },
        { "heic", null, "IMG_0001.HEIC", "image/heic" },
        { "heif", null, null, "image/heif" },
        { "pdf", "image/jpeg", "a.jpg", "application/pdf" },
        { "ole", FileSignatures.Doc, "合同", FileSignatures.Doc },
        { "ole", null, "工资表.XLS", FileSignatures.Xls },
        { "ole", "application/octet-stream", "a.bin", null },
        { "html", "image/png", "photo.png", null },
        { "avif", "image/avif", "a.avif", null },
        { "exe", "application/pdf", "a.pdf", null },
        { "amr", "application/octet-stream", "MEDIA_ID", "audio/amr" },
        { "amr-wb", null, null, "audio/amr-wb" },
        { "mp3", null, "录音.mp3", "audio/mpeg" },
        { "mp3-frame", null, null, "audio/mpeg" },
        { "m4a", "audio/x-m4a", "录音.m4a", "audio/mp4" },
        { "ogg", null, null, "audio/ogg" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_file_is_known_by_its_first_bytes_not_by_what_it_calls_itself(string kind, string? declaredType, string? fileName, string? expected)
    {
        Assert.Equal(expected, FileSignatures.Detect(Head(kind), declaredType, fileName));
    }

    [Fact]
    public void A_zip_is_an_office_document_only_when_it_holds_the_documents_own_part()
    {
        Assert.Equal(FileSignatures.Docx, OfficeType(SampleFiles.Docx()));
        Assert.Equal(FileSignatures.Xlsx, OfficeType(SampleFiles.Xlsx()));
        Assert.Null(OfficeType(SampleFiles.PlainZip()));
        Assert.Null(OfficeType([(byte)'P', (byte)'K', 3, 4, 0, 0, 0]));
        Assert.True(FileSignatures.IsZip(SampleFiles.Docx()));
    }

    private static string? OfficeType(byte[] zip)
    {
        using var stream = new MemoryStream(zip);
        return FileSignatures.OfficeOpenXml(stream);
    }

    private static byte[] Head(string kind) => kind switch
    {
        "png" => SampleFiles.Png,
        "jpeg" => SampleFiles.Jpeg,
        "gif" => "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(),
        "webp" => "RIFF\u0024\u0000\u0000\u0000WEBPVP8 "u8.ToArray(),
        "heic" => "\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000"u8.ToArray(),
        "heif" => "\u0000\u0000\u0000\u0018ftypmif1\u0000\u0000\u0000\u0000"u8.ToArray(),
        "avif" => "\u0000\u0000\u0000\u0018ftypavif\u0000\u0000\u0000\u0000"u8.ToArray(),
        "pdf" => SampleFiles.Pdf,
        "ole" => SampleFiles.OleCompound,
        "html" => SampleFiles.Html,
        "amr" => SampleFiles.Amr,
        "amr-wb" => "#!AMR-WB\n\u0004\u0000"u8.ToArray(),
        "mp3" => "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000"u8.ToArray(),
        "mp3-frame" => [0xFF, 0xFB, 0x90, 0x64, 0x00, 0x00],
        "m4a" => "\u0000\u0000\u0000\u0020ftypM4A \u0000\u0000\u0000\u0000"u8.ToArray(),
        "ogg" => "OggS\u0000\u0002\u0000\u0000"u8.ToArray(),
        _ => "MZ\u0090\u0000\u0003\u0000\u0000\u0000"u8.ToArray(),
    };
}
