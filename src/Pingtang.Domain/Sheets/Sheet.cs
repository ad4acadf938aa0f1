using System.Text;
using System.Xml;
using MiniExcelLibs;

namespace Pingtang.Domain.Sheets;

/// <summary>
/// A spreadsheet staff upload, .xlsx or UTF-8 .csv, read a row at a time (MiniExcel streams both, so a 100,000-row
/// file never sits in memory). Line 1 holds the headers, in any order; line numbers are the row numbers Excel shows,
/// blank rows included, so staff can go straight to the cell a problem names. Before MiniExcel reads anything, the
/// file is read once to check it stays within <see cref="SheetLimits"/>. What the columns mean is the importing
/// feature's business.
/// </summary>
public sealed class Sheet : IDisposable
{
    public const string XlsxExtension = ".xlsx";
    public const string CsvExtension = ".csv";

    private readonly IEnumerator<IDictionary<string, object?>> _rows;

    /// <summary>Header name → the key MiniExcel gives that column's cells (A, B, …).</summary>
    private readonly Dictionary<string, string> _keys;

    private readonly IReadOnlyList<string> _columns;

    private readonly Func<int, double?> _fraction;

    private readonly bool _csv;

    private int _line = 1;

    private Sheet(IEnumerator<IDictionary<string, object?>> rows, Dictionary<string, string> keys, IReadOnlyList<string> columns, Func<int, double?> fraction, bool csv)
    {
        _rows = rows;
        _keys = keys;
        _columns = columns;
        _fraction = fraction;
        _csv = csv;
    }

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is XlsxExtension or CsvExtension;

    /// <summary>How far through the file the rows read so far are, 0 to 1, or null when the file's size is unknown.</summary>
    public double? Fraction => _fraction(_line);

    /// <summary>Headers that are none of the template's columns, such as a misspelt 月薪下线: their cells are ignored.</summary>
    public IReadOnlyList<string> UnknownColumns => [.. _keys.Keys.Where(header => !_columns.Contains(header))];

    /// <summary>
    /// Opens the sheet and checks its header row against the template's <paramref name="columns"/>. Throws
    /// <see cref="DomainException"/>, with a message for staff, when the file is not a readable .xlsx or UTF-8 .csv,
    /// goes past <see cref="SheetLimits"/> or lacks one of the <paramref name="requiredColumns"/>.
    /// </summary>
    public static Sheet Open(Stream file, string fileName, IReadOnlyList<string> requiredColumns, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(requiredColumns);
        ArgumentNullException.ThrowIfNull(columns);
        if (!file.CanSeek)
        {
            throw new ArgumentException("An .xlsx is a zip archive: the sheet must be read from a seekable stream.", nameof(file));
        }

        if (!IsSupported(fileName))
        {
            throw new DomainException(SheetTexts.WrongExtension);
        }

        var csv = Path.GetExtension(fileName).Equals(CsvExtension, StringComparison.OrdinalIgnoreCase);
        IEnumerator<IDictionary<string, object?>>? rows = null;
        try
        {
            Func<int, double?> fraction;
            try
            {
                file.Position = 0;
                if (csv)
                {
                    CsvScan.Check(file, cancellationToken);
                    fraction = CsvFraction(file);
                }
                else
                {
                    fraction = XlsxFraction(XlsxScan.Check(file, cancellationToken));
                }

                file.Position = 0;
                rows = Query(file, csv).GetEnumerator();
            }
            catch (Exception e) when (IsDamage(e))
            {
                throw Unreadable(e, csv);
            }

            if (!Next(rows, csv))
            {
                throw new DomainException(SheetTexts.EmptyFile);
            }

            var sheet = new Sheet(rows, Headers(rows.Current, requiredColumns, columns), columns, fraction, csv);
            rows = null;
            return sheet;
        }
        finally
        {
            rows?.Dispose();
        }
    }

    /// <summary>The data rows after the header, each with its line number; empty rows are passed over.</summary>
    public IEnumerable<SheetRow> Rows()
    {
        while (Next(_rows, _csv))
        {
            _line++;
            var cells = _rows.Current;
            if (_keys.Values.Any(key => SheetCells.Text(cells.TryGetValue(key, out var cell) ? cell : null).Length > 0))
            {
                yield return new(_line, column => _keys.TryGetValue(column, out var key) && cells.TryGetValue(key, out var cell) ? cell : null);
            }
        }
    }

    public void Dispose() => _rows.Dispose();

    private static IEnumerable<IDictionary<string, object?>> Query(Stream file, bool csv) =>
        csv
            ? MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.CSV, configuration: CsvLines.Configuration())
                .Cast<IDictionary<string, object?>>()
            : MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();

    /// <summary>The next row, or false at the end; a damaged file becomes a message for staff.</summary>
    private static bool Next(IEnumerator<IDictionary<string, object?>> rows, bool csv)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Unreadable(e, csv);
        }
    }

    /// <summary>
    /// What the zip, XML and UTF-8 readers throw for a file that is damaged or not a spreadsheet at all. Anything
    /// else is not the file's fault, and is left to the import to report as the failure it is.
    /// </summary>
    private static bool IsDamage(Exception e) => e is InvalidDataException or XmlException or DecoderFallbackException;

    private static DomainException Unreadable(Exception e, bool csv) => e switch
    {
        DecoderFallbackException => new(SheetTexts.NotUtf8),
        _ => new(csv ? SheetTexts.UnreadableCsv : SheetTexts.UnreadableXlsx),
    };

    private static Dictionary<string, string> Headers(IDictionary<string, object?> headerRow, IReadOnlyList<string> requiredColumns, IReadOnlyList<string> columns)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, cell) in headerRow)
        {
            var header = SheetCells.Text(cell);
            if (header.Length == 0)
            {
                continue;
            }

            if (!keys.TryAdd(header, key))
            {
                throw new DomainException(string.Format(SheetTexts.DuplicateHeader, header, keys[header], key));
            }
        }

        var missing = requiredColumns.Where(c => !keys.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(string.Format(SheetTexts.MissingHeaders, string.Join("、", missing), string.Join(",", columns)));
        }

        return keys;
    }

    private static Func<int, double?> CsvFraction(Stream file) =>
        file.CanSeek && file.Length > 0 ? _ => Math.Min(1, (double)file.Position / file.Length) : _ => null;

    /// <summary>Progress through an .xlsx counts rows up to the last one the check found.</summary>
    private static Func<int, double?> XlsxFraction(int rows) =>
        rows > 0 ? line => Math.Min(1, (double)line / rows) : _ => null;
}

/// <summary>A non-empty data row: its line in the sheet and its cells by header (null for a column the sheet lacks).</summary>
public sealed record SheetRow(int Line, Func<string, object?> Cell);
