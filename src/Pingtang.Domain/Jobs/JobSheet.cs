using Pingtang.Domain.Sheets;
using Columns = Pingtang.Domain.Jobs.JobPostingDraft.Columns;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// A station's spreadsheet of postings: a <see cref="Sheet"/> whose rows read as <see cref="JobPostingDraft"/>s,
/// with every cell that could not be read.
/// </summary>
public sealed class JobSheet : IDisposable
{
    /// <summary>The columns without which a row cannot make a posting; the rest may be left out of the sheet.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns =
        [Columns.ExternalId, Columns.Title, Columns.Trade, Columns.Employer, Columns.Province, Columns.City, Columns.Station, Columns.ClosesOn];

    private readonly Sheet _sheet;

    private JobSheet(Sheet sheet) => _sheet = sheet;

    /// <summary>How far through the file the rows read so far are, 0 to 1, or null when the file's size is unknown.</summary>
    public double? Fraction => _sheet.Fraction;

    /// <summary>Headers that are none of <see cref="Columns.All"/>, such as a misspelt 月薪下线: their cells are ignored.</summary>
    public IReadOnlyList<string> UnknownColumns => _sheet.UnknownColumns;

    /// <summary>
    /// Opens the sheet and checks its header row. Throws <see cref="DomainException"/>, with a message for staff,
    /// when the file is not a readable .xlsx or UTF-8 .csv, goes past <see cref="SheetLimits"/> or lacks a required column.
    /// </summary>
    public static JobSheet Open(Stream file, string fileName, CancellationToken cancellationToken) =>
        new(Sheet.Open(file, fileName, RequiredColumns, Columns.All, cancellationToken));

    /// <summary>The data rows after the header, each with its line number; empty rows are passed over.</summary>
    public IEnumerable<JobRow> Rows() => _sheet.Rows().Select(Read);

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

    public void Dispose() => _sheet.Dispose();

    /// <summary>The row as a draft with every cell that could not be read.</summary>
    private static JobRow Read(SheetRow row)
    {
        var problems = new List<JobProblem>();
        string Text(string column) => SheetCells.Text(row.Cell(column));
        int? Number(string column) => Check(column, SheetCells.WholeNumber(row.Cell(column), out var problem), problem);
        bool YesNo(string column) => Check(column, SheetCells.YesNo(row.Cell(column), out var problem), problem);
        T Check<T>(string column, T value, string? problem)
        {
            if (problem is not null)
            {
                problems.Add(new(column, problem));
            }

            return value;
        }

        var closesOn = Check(Columns.ClosesOn, SheetCells.Date(row.Cell(Columns.ClosesOn), out var dateProblem), dateProblem);
        if (closesOn is null && dateProblem is null)
        {
            problems.Add(new(Columns.ClosesOn, SheetTexts.EmptyCell));
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
        return new(row.Line, draft, problems);
    }
}

/// <summary>One row to import: its line in the sheet, the draft it reads as, and the cells that could not be read.</summary>
public sealed record JobRow(int Line, JobPostingDraft Draft, IReadOnlyList<JobProblem> Problems);
