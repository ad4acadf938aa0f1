using System.Text;
using MiniExcelLibs;
using Columns = Pingtang.Domain.Jobs.JobPostingDraft.Columns;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// A station's spreadsheet of postings, .xlsx or UTF-8 .csv, read a row at a time (MiniExcel streams both, so a
/// 100,000-row file never sits in memory). Line 1 holds the headers, in any order; line numbers are the row numbers
/// Excel shows, blank rows included, so staff can go straight to the cell a problem names.
/// </summary>
public sealed class JobSheet : IDisposable
{
    public const string XlsxExtension = ".xlsx";
    public const string CsvExtension = ".csv";

    /// <summary>The columns without which a row cannot make a posting; the rest may be left out of the sheet.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns =
        [Columns.ExternalId, Columns.Title, Columns.Trade, Columns.Employer, Columns.Province, Columns.City, Columns.Station, Columns.ClosesOn];

    private readonly IEnumerator<IDictionary<string, object?>> _rows;

    /// <summary>Header name → the key MiniExcel gives that column's cells (A, B, …).</summary>
    private readonly Dictionary<string, string> _keys;

    private readonly Func<int, double?> _fraction;

    private readonly bool _csv;

    private int _line = 1;

    private JobSheet(IEnumerator<IDictionary<string, object?>> rows, Dictionary<string, string> keys, Func<int, double?> fraction, bool csv)
    {
        _rows = rows;
        _keys = keys;
        _fraction = fraction;
        _csv = csv;
    }

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is XlsxExtension or CsvExtension;

    /// <summary>How far through the file the rows read so far are, 0 to 1, or null when the file's size is unknown.</summary>
    public double? Fraction => _fraction(_line);

    /// <summary>Headers that are none of <see cref="Columns.All"/>, such as a misspelt 月薪下线: their cells are ignored.</summary>
    public IReadOnlyList<string> UnknownColumns => [.. _keys.Keys.Where(header => !Columns.All.Contains(header))];

    /// <summary>
    /// Opens the sheet and checks its header row. Throws <see cref="DomainException"/>, with a message for staff,
    /// when the file is not a readable .xlsx or UTF-8 .csv or lacks a required column.
    /// </summary>
    public static JobSheet Open(Stream file, string fileName)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.CanSeek)
        {
            throw new ArgumentException("An .xlsx is a zip archive: the sheet must be read from a seekable stream.", nameof(file));
        }

        if (!IsSupported(fileName))
        {
            throw new DomainException(JobImportTexts.WrongExtension);
        }

        var csv = Path.GetExtension(fileName).Equals(CsvExtension, StringComparison.OrdinalIgnoreCase);
        IEnumerator<IDictionary<string, object?>>? rows = null;
        try
        {
            Func<int, double?> fraction;
            try
            {
                fraction = csv ? CsvFraction(file) : XlsxFraction(file);
                file.Position = 0;
                rows = Query(file, csv).GetEnumerator();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw Unreadable(e, csv);
            }

            if (!Next(rows, csv))
            {
                throw new DomainException(JobImportTexts.EmptyFile);
            }

            var sheet = new JobSheet(rows, Headers(rows.Current), fraction, csv);
            rows = null;
            return sheet;
        }
        finally
        {
            rows?.Dispose();
        }
    }

    /// <summary>The data rows after the header, each with its line number; empty rows are passed over.</summary>
    public IEnumerable<JobRow> Rows()
    {
        while (Next(_rows, _csv))
        {
            _line++;
            if (Read(_rows.Current) is { } row)
            {
                yield return row;
            }
        }
    }

    /// <summary>A posting as a row of the stations' sheet, keyed by header: for the template and for test files.</summary>
    public static Dictionary<string, object?> CellsOf(JobPostingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new()
        {
            [Columns.ExternalId] = draft.ExternalId,
            [Columns.Title] = draft.Title,
            [Columns.Trade] = draft.Trade,
            [Columns.Employer] = draft.Employer,
            [Columns.Province] = draft.Province,
            [Columns.City] = draft.City,
            [Columns.District] = draft.District,
            [Columns.MonthlyPayMin] = draft.MonthlyPayMin,
            [Columns.MonthlyPayMax] = draft.MonthlyPayMax,
            [Columns.DailyPay] = draft.DailyPay,
            [Columns.Meals] = draft.MealsProvided ? "是" : "否",
            [Columns.Housing] = draft.HousingProvided ? "是" : "否",
            [Columns.AgeMin] = draft.AgeMin,
            [Columns.AgeMax] = draft.AgeMax,
            [Columns.Headcount] = draft.Headcount,
            [Columns.Station] = draft.Station,
            [Columns.ClosesOn] = draft.ClosesOn.ToDateTime(TimeOnly.MinValue),
            [Columns.Description] = draft.Description,
        };
    }

    public void Dispose() => _rows.Dispose();

    private static IEnumerable<IDictionary<string, object?>> Query(Stream file, bool csv) =>
        csv
            ? MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.CSV, configuration: CsvLines.Configuration())
                .Cast<IDictionary<string, object?>>()
            : MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();

    /// <summary>
    /// The next row, or false at the end. Whatever MiniExcel throws while reading the file means the file itself
    /// cannot be read — a damaged .xlsx, a .csv in another encoding — so it becomes a message for staff.
    /// </summary>
    private static bool Next(IEnumerator<IDictionary<string, object?>> rows, bool csv)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Unreadable(e, csv);
        }
    }

    private static DomainException Unreadable(Exception e, bool csv) => e switch
    {
        DecoderFallbackException => new(JobImportTexts.NotUtf8),
        _ => new(csv ? JobImportTexts.UnreadableCsv : JobImportTexts.UnreadableXlsx),
    };

    private static Dictionary<string, string> Headers(IDictionary<string, object?> headerRow)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, cell) in headerRow)
        {
            var header = JobCells.Text(cell).TrimStart('\uFEFF');
            if (header.Length == 0)
            {
                continue;
            }

            if (!keys.TryAdd(header, key))
            {
                throw new DomainException(string.Format(JobImportTexts.DuplicateHeader, header, keys[header], key));
            }
        }

        var missing = RequiredColumns.Where(c => !keys.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(string.Format(JobImportTexts.MissingHeaders, string.Join("、", missing), string.Join(",", Columns.All)));
        }

        return keys;
    }

    /// <summary>The row as a draft with every cell that could not be read; null for an empty row.</summary>
    private JobRow? Read(IDictionary<string, object?> cells)
    {
        object? Cell(string column) => _keys.TryGetValue(column, out var key) && cells.TryGetValue(key, out var cell) ? cell : null;
        if (_keys.Values.All(key => JobCells.Text(cells.TryGetValue(key, out var cell) ? cell : null).Length == 0))
        {
            return null;
        }

        var problems = new List<JobProblem>();
        string Text(string column) => JobCells.Text(Cell(column));
        int? Number(string column) => Check(column, JobCells.WholeNumber(Cell(column), out var problem), problem);
        bool YesNo(string column) => Check(column, JobCells.YesNo(Cell(column), out var problem), problem);
        T Check<T>(string column, T value, string? problem)
        {
            if (problem is not null)
            {
                problems.Add(new(column, problem));
            }

            return value;
        }

        var closesOn = Check(Columns.ClosesOn, JobCells.Date(Cell(Columns.ClosesOn), out var dateProblem), dateProblem);
        if (closesOn is null && dateProblem is null)
        {
            problems.Add(new(Columns.ClosesOn, JobImportTexts.EmptyCell));
        }

        var draft = new JobPostingDraft
        {
            ExternalId = Text(Columns.ExternalId),
            Title = Text(Columns.Title),
            Trade = Text(Columns.Trade),
            Employer = Text(Columns.Employer),
            Province = Text(Columns.Province),
            City = Text(Columns.City),
            District = Text(Columns.District),
            MonthlyPayMin = Number(Columns.MonthlyPayMin),
            MonthlyPayMax = Number(Columns.MonthlyPayMax),
            DailyPay = Number(Columns.DailyPay),
            MealsProvided = YesNo(Columns.Meals),
            HousingProvided = YesNo(Columns.Housing),
            AgeMin = Number(Columns.AgeMin),
            AgeMax = Number(Columns.AgeMax),
            Headcount = Number(Columns.Headcount) ?? 1,
            Station = Text(Columns.Station),

            // The row is skipped for its date problem; the placeholder only lets the other cells be checked too.
            ClosesOn = closesOn ?? DateOnly.MaxValue,
            Description = Text(Columns.Description),
        };
        return new(_line, draft, problems);
    }

    private static Func<int, double?> CsvFraction(Stream file) =>
        file.CanSeek && file.Length > 0 ? _ => Math.Min(1, (double)file.Position / file.Length) : _ => null;

    /// <summary>An .xlsx says how many rows its sheet has (its dimension), so progress counts rows.</summary>
    private static Func<int, double?> XlsxFraction(Stream file)
    {
        var rows = MiniExcel.GetSheetDimensions(file).FirstOrDefault()?.Rows.Count ?? 0;
        return rows > 0 ? line => Math.Min(1, (double)line / rows) : _ => null;
    }
}

/// <summary>One row to import: its line in the sheet, the draft it reads as, and the cells that could not be read.</summary>
public sealed record JobRow(int Line, JobPostingDraft Draft, IReadOnlyList<JobProblem> Problems);
