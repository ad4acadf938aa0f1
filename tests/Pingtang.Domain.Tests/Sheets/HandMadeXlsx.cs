using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Pingtang.Domain.Tests.Sheets;

/// <summary>
/// .xlsx files written part by part with System.IO.Compression, to make what Excel never would: a shared string of
/// hundreds of MB in a few hundred KB, sizes that lie, markup that never ends. The bot's tests compile this file
/// too (a link in their project).
/// </summary>
public static class HandMadeXlsx
{
    private const string Declaration = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// A workbook of one worksheet holding <paramref name="worksheet"/> (its dimension, sheet data and the rest), whose
    /// shared strings <paramref name="sharedStrings"/> writes (its <c>si</c> items), with any <paramref name="parts"/> besides.
    /// </summary>
    public static byte[] Build(string worksheet, Action<TextWriter>? sharedStrings = null, params (string Name, Action<TextWriter> Write)[] parts)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write($"""{Declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""));
            Part(zip, "_rels/.rels", w => w.Write($"""{Declaration}<Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeDocument}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part(zip, "xl/workbook.xml", w => w.Write($"""{Declaration}<workbook xmlns="{Main}" xmlns:r="{OfficeDocument}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write($"""{Declaration}<Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeDocument}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{OfficeDocument}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""));
            Part(zip, "xl/worksheets/sheet1.xml", w => w.Write($"""{Declaration}<worksheet xmlns="{Main}">{worksheet}</worksheet>"""));
            Part(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write($"""{Declaration}<sst xmlns="{Main}">""");
                sharedStrings?.Invoke(w);
                w.Write("</sst>");
            });
            foreach (var (name, write) in parts)
            {
                Part(zip, name, write);
            }
        }

        return file.ToArray();
    }

    /// <summary>A sheet whose one cell is a shared string of <paramref name="characters"/> characters, in rich-text runs of at most <paramref name="run"/>.</summary>
    public static byte[] WithSharedString(long characters, long run = long.MaxValue) => Build(
        """<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>""",
        w =>
        {
            w.Write("<si>");
            for (var left = characters; left > 0; left -= run)
            {
                w.Write("<r><t>");
                Repeat(w, 'A', Math.Min(left, run));
                w.Write("</t></r>");
            }

            w.Write("</si>");
        });

    /// <summary>Writes <paramref name="count"/> of <paramref name="c"/> without holding them all.</summary>
    public static void Repeat(TextWriter writer, char c, long count)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var chunk = new string(c, 1 << 16);
        for (var left = count; left > 0; left -= chunk.Length)
        {
            writer.Write(chunk.AsSpan(0, (int)Math.Min(left, chunk.Length)));
        }
    }

    /// <summary>The zip with its part <paramref name="name"/> declaring <paramref name="size"/> bytes uncompressed, in its local header and in the central directory.</summary>
    public static byte[] DeclaringSize(byte[] zip, string name, uint size)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var lying = zip.ToArray();
        var span = lying.AsSpan();
        var end = span.LastIndexOf("PK\u0005\u0006"u8);
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(end + 16)..]);
        for (var part = BinaryPrimitives.ReadUInt16LittleEndian(span[(end + 10)..]); part > 0; part--)
        {
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 28)..]);
            if (Encoding.UTF8.GetString(span.Slice(at + 46, nameLength)) == name)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 24)..], size);
                BinaryPrimitives.WriteUInt32LittleEndian(span[((int)BinaryPrimitives.ReadUInt32LittleEndian(span[(at + 42)..]) + 22)..], size);
            }

            at += 46 + nameLength + BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 30)..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 32)..]);
        }

        return lying;
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        write(writer);
    }
}
