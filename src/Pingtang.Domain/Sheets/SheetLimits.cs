namespace Pingtang.Domain.Sheets;

/// <summary>
/// What a staff sheet may expand to. A .xlsx is a zip of XML, and a few hundred KB of it can hold a string of
/// hundreds of MB that MiniExcel would read whole into memory; so <see cref="Sheet"/> reads a file once with
/// streaming readers before MiniExcel opens it, and refuses one that goes past any of these with a message that
/// names the limit (<see cref="SheetTexts"/>).
/// </summary>
public static class SheetLimits
{
    /// <summary>Excel's own limit for one cell.</summary>
    public const int CellCharacters = 32_767;

    /// <summary>Twice the 100,000-row files the stations send: the last row's number, header and blank rows included.</summary>
    public const int Rows = 200_000;

    /// <summary>MiniExcel gives every row a cell for every column up to the sheet's last one; the templates have 18.</summary>
    public const int Columns = 256;

    /// <summary>A .csv record, quoted line breaks included, is read whole: the templates' columns of long text fit many times over.</summary>
    public const int CsvLineCharacters = 1_000_000;

    /// <summary>One part of a .xlsx as it really expands, whatever the zip declares: 200,000 rows as MiniExcel writes them are about 230 MB.</summary>
    public const long XlsxPartBytes = 512L * 1024 * 1024;

    /// <summary>All the parts of a .xlsx together, as they really expand.</summary>
    public const long XlsxTotalBytes = 1024L * 1024 * 1024;

    /// <summary>An Excel file has a dozen or so parts, and a zip's list of parts is read whole into memory.</summary>
    public const int XlsxParts = 1_000;

    /// <summary>A tag, comment or processing instruction, which XmlReader reads whole; Excel's are a few hundred bytes.</summary>
    public const int XmlMarkupBytes = 1024 * 1024;

    /// <summary>XmlReader keeps a frame for every open element; Excel's parts nest about a dozen deep.</summary>
    public const int XmlDepth = 64;
}
