using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Pingtang.Domain.Sheets;

/// <summary>
/// Reads a .xlsx once, part by part as it inflates, to refuse it before MiniExcel opens it when it goes past
/// <see cref="SheetLimits"/> (<see cref="DomainException"/>, for staff). Nothing large is held on the way: bytes are
/// counted and markup measured as they pass (<see cref="XlsxMeter"/>), text is read in chunks. A damaged file throws
/// what ZipArchive and XmlReader throw for it, and so does one without the parts MiniExcel cannot do without.
/// </summary>
internal static class XlsxScan
{
    private const int ChunkCharacters = 4096;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Checks the file; returns the number of the last row of its worksheets, which MiniExcel reads up to, for progress.</summary>
    public static int Check(Stream file, CancellationToken cancellationToken)
    {
        if (DeclaredParts(file) > SheetLimits.XlsxParts)
        {
            throw new DomainException(SheetTexts.TooManyParts);
        }

        file.Position = 0;
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.GetEntry("xl/workbook.xml") is null || !zip.Entries.Any(e => IsWorksheet(Path(e))))
        {
            throw new InvalidDataException("The archive has no workbook or no worksheet.");
        }

        var meter = new XlsxMeter();
        var rows = 0;
        foreach (var entry in zip.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path(entry);
            var xml = IsWorksheet(path) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            using var part = meter.Part(entry.Open(), xml);
            if (xml)
            {
                rows = Math.Max(rows, ReadXml(part, cancellationToken));
            }
            else
            {
                part.CopyTo(Stream.Null);
            }
        }

        return rows;
    }

    /// <summary>
    /// The number of parts the zip's end record declares. ZipArchive reads that many entries into memory before
    /// anything else — hundreds of bytes each, for as little as fifty bytes of file — and refuses a zip whose list
    /// holds another number.
    /// </summary>
    private static int DeclaredParts(Stream file)
    {
        const int RecordLength = 22;
        const uint Signature = 0x06054B50;
        var tail = new byte[(int)Math.Min(file.Length, RecordLength + ushort.MaxValue)];
        file.Position = file.Length - tail.Length;
        file.ReadExactly(tail);
        for (var at = tail.Length - RecordLength; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == Signature)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            }
        }

        throw new InvalidDataException("The archive has no end of central directory record.");
    }

    /// <summary>A part's name as MiniExcel looks parts up.</summary>
    private static string Path(ZipArchiveEntry entry) => entry.FullName.Replace('\\', '/').TrimStart('/');

    /// <summary>
    /// A worksheet as MiniExcel finds one, whatever its name ends in. It and every .xml or .rels part are read as XML;
    /// the rest — images, the VML drawings of comments, printer settings — MiniExcel does not parse, and are only counted.
    /// </summary>
    private static bool IsWorksheet(string path) => path.StartsWith("xl/worksheets/sheet", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Every text node in chunks, counted per cell — a shared string (<c>si</c>) or a worksheet cell (<c>c</c>), whose
    /// runs MiniExcel joins — and per element elsewhere; worksheet rows and columns by number, as MiniExcel counts them.
    /// Returns the last row's number, 0 for a part without rows.
    /// </summary>
    private static int ReadXml(Stream part, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(part, Settings);
        var chunk = new char[ChunkCharacters];
        var text = 0L;
        var cellDepth = -1;
        var row = 0;
        var column = 0;
        var nodes = 0;
        while (reader.Read())
        {
            if (++nodes % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= SheetLimits.XmlDepth)
                    {
                        throw new DomainException(SheetTexts.TooDeep);
                    }

                    if (cellDepth < 0)
                    {
                        text = 0;
                    }

                    switch (reader.LocalName)
                    {
                        case "row":
                            row = RowNumber(reader.GetAttribute("r")) ?? row + 1;
                            column = 0;
                            if (row > SheetLimits.Rows)
                            {
                                throw new DomainException(SheetTexts.TooManyRows);
                            }

                            break;
                        case "c":
                            column = ColumnNumber(reader.GetAttribute("r")) ?? column + 1;
                            CheckColumn(column);
                            break;
                        case "dimension":
                            CheckColumn(ColumnNumber(reader.GetAttribute("ref")?.Split(':')[^1]) ?? 0);
                            break;
                    }

                    if (reader.LocalName is "c" or "si" && cellDepth < 0 && !reader.IsEmptyElement)
                    {
                        cellDepth = reader.Depth;
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (reader.Depth == cellDepth)
                    {
                        cellDepth = -1;
                    }

                    if (cellDepth < 0)
                    {
                        text = 0;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        text += read;
                        if (text > SheetLimits.CellCharacters)
                        {
                            throw new DomainException(SheetTexts.CellTooLong);
                        }
                    }

                    break;
            }
        }

        return row;
    }

    private static void CheckColumn(int column)
    {
        if (column > SheetLimits.Columns)
        {
            throw new DomainException(SheetTexts.TooManyColumns);
        }
    }

    private static int? RowNumber(string? r) => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;

    /// <summary>The column of a cell reference such as AB12 (A is 1); past <see cref="SheetLimits.Columns"/> it stops counting.</summary>
    private static int? ColumnNumber(string? reference)
    {
        var column = 0;
        foreach (var c in reference ?? "")
        {
            if (!char.IsAsciiLetter(c) || column > SheetLimits.Columns)
            {
                break;
            }

            column = (column * 26) + char.ToUpperInvariant(c) - 'A' + 1;
        }

        return column > 0 ? column : null;
    }
}
