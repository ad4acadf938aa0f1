namespace Pingtang.Domain.Sheets;

/// <summary>
/// What an import of a sheet (or of demo rows) did, in the same shape whatever the rows are, so staff read every
/// import's report the same way. <see cref="FileError"/> is set when the file as a whole could not be read.
/// </summary>
public sealed record ImportReport
{
    /// <summary>The file name (or demo source) the report is about.</summary>
    public required string Source { get; init; }

    public int Added { get; init; }

    public int Updated { get; init; }

    /// <summary>Rows not imported because of at least one problem.</summary>
    public int Skipped { get; init; }

    /// <summary>Every problem found; an import may keep only the first of them in <see cref="Problems"/>.</summary>
    public int ProblemCount { get; init; }

    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];

    /// <summary>Headers the import did not know and whose cells it ignored.</summary>
    public IReadOnlyList<string> UnknownColumns { get; init; } = [];

    /// <summary>The template's headers, which staff are pointed to when the sheet has headers the import does not know.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    public string? FileError { get; init; }
}

/// <summary>One cell's problem: the row is skipped. Line 1 is the header row.</summary>
public sealed record ImportProblem(int Line, string Column, string Message);

/// <summary>How far an import has got; <see cref="Fraction"/> (0 to 1) is null when the file's size is not known.</summary>
public sealed record ImportProgress(int RowsRead, int Added, int Updated, int Skipped, double? Fraction);
