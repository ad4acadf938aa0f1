using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Training;

/// <summary>
/// Loads sessions from the county's sheet (one row a session, the headers of <see cref="Columns"/>): a new 外部编号
/// plans a session, a known one changes it — through <see cref="TrainingSessionChanges"/>, so workers of a session
/// whose place or dates changed get their notice. Bad rows are skipped and reported by line and column in an
/// <see cref="ImportReport"/>, so staff read it as they read the job import's.
/// </summary>
public sealed class TrainingSessionImport(PingtangDb db, TimeProvider time, ILogger<TrainingSessionImport> logger)
{
    public async Task<TrainingSessionImportResult> ImportFileAsync(Stream file, string fileName, CancellationToken cancellationToken)
    {
        var source = Path.GetFileName(fileName);
        try
        {
            using var sheet = Sheet.Open(file, fileName, Columns.Required, Columns.All, cancellationToken);
            return await ImportAsync(sheet.Rows().Select(Read), source, sheet.UnknownColumns, cancellationToken);
        }
        catch (DomainException e)
        {
            return new(new ImportReport { Source = source, FileError = e.Message }, []);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(new ImportReport { Source = source, FileError = ImportFailure.Report(logger, source, e) }, []);
        }
    }

    /// <summary>Imports rows made in code (the demo sessions) by the same rules as a sheet's.</summary>
    public Task<TrainingSessionImportResult> ImportRowsAsync(IEnumerable<TrainingSessionRow> rows, string source, CancellationToken cancellationToken) =>
        ImportAsync(rows.Select((row, i) => (i + 2, row, new List<ImportProblem>())), source, [], cancellationToken);

    private async Task<TrainingSessionImportResult> ImportAsync(
        IEnumerable<(int Line, TrainingSessionRow Row, List<ImportProblem> Problems)> rows,
        string source,
        IReadOnlyList<string> unknownColumns,
        CancellationToken cancellationToken)
    {
        var courses = await db.Courses.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);
        var stations = await db.Stations.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
        var today = ChinaTime.Today(time);
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var changes = new TrainingSessionChanges(db, time);
        var problems = new List<ImportProblem>();
        var moved = new List<int>();
        int added = 0, updated = 0, skipped = 0;
        foreach (var (line, row, rowProblems) in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Problem(Columns.ExternalId, row.ExternalId.Length is 0 or > TrainingSession.ExternalIdMaxLength ? $"应为1到{TrainingSession.ExternalIdMaxLength}个字" : null);
            Problem(Columns.ExternalId, row.ExternalId.Length > 0 && !firstLines.TryAdd(row.ExternalId, line) ? string.Format(SheetTexts.DuplicateExternalId, row.ExternalId, firstLines[row.ExternalId]) : null);
            Problem(Columns.Course, courses.ContainsKey(row.Course) ? null : $"「{row.Course}」不是开设的课程，可选：{string.Join("、", courses.Keys)}");
            Problem(Columns.Station, row.Station.Length == 0 || stations.ContainsKey(row.Station) ? null : string.Format(SheetTexts.UnknownStation, row.Station));
            if (rowProblems.Count == 0 && row.Details.Problem(today) is { } invalid)
            {
                Problem(ColumnOf(invalid.Detail), invalid.Message);
            }

            if (rowProblems.Count > 0)
            {
                skipped++;
                problems.AddRange(rowProblems);
                continue;
            }

            var existing = await db.TrainingSessions.AsNoTracking().Where(s => s.ExternalId == row.ExternalId).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                try
                {
                    if ((await changes.ChangeAsync(id, row.Details, cancellationToken))!.Count > 0)
                    {
                        moved.Add(id);
                    }

                    // An empty 站点 leaves the session with the station that has it.
                    if (row.Station.Length > 0)
                    {
                        (await db.TrainingSessions.SingleAsync(s => s.Id == id, cancellationToken)).HandTo(stations[row.Station]);
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    updated++;
                }
                catch (DomainException e)
                {
                    db.ChangeTracker.Clear();
                    skipped++;
                    problems.Add(new(line, Columns.Seats, e.Message));
                }
            }
            else
            {
                var station = row.Station.Length == 0 ? Station.CountyCentreId : stations[row.Station];
                db.TrainingSessions.Add(TrainingSession.Plan(courses[row.Course], row.Details, today, row.ExternalId, station));
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }

            db.ChangeTracker.Clear();

            void Problem(string column, string? message)
            {
                if (message is not null)
                {
                    rowProblems.Add(new(line, column, message));
                }
            }
        }

        var report = new ImportReport
        {
            Source = source,
            Added = added,
            Updated = updated,
            Skipped = skipped,
            ProblemCount = problems.Count,
            Problems = problems,
            UnknownColumns = unknownColumns,
            Columns = Columns.All,
        };
        return new(report, moved);
    }

    /// <summary>The column to point staff at for a rule <see cref="TrainingSessionDetails.Validate"/> names in words.</summary>
    /// <summary>The sheet's column for a property of <see cref="TrainingSessionDetails"/>.</summary>
    private static string ColumnOf(string detail) => detail switch
    {
        nameof(TrainingSessionDetails.Place) => Columns.Place,
        nameof(TrainingSessionDetails.StartsOn) => Columns.StartsOn,
        nameof(TrainingSessionDetails.EndsOn) => Columns.EndsOn,
        nameof(TrainingSessionDetails.EnrolBy) => Columns.EnrolBy,
        nameof(TrainingSessionDetails.Seats) => Columns.Seats,
        nameof(TrainingSessionDetails.AgeMax) => Columns.AgeMax,
        nameof(TrainingSessionDetails.Fee) => Columns.Fee,
        nameof(TrainingSessionDetails.Bring) => Columns.Bring,
        nameof(TrainingSessionDetails.Prerequisites) => Columns.Prerequisites,
        nameof(TrainingSessionDetails.Townships) => Columns.Townships,
        nameof(TrainingSessionDetails.Schedule) => Columns.Schedule,
        _ => throw new ArgumentOutOfRangeException(nameof(detail), detail, "A rule of TrainingSessionDetails without a column."),
    };

    private static (int, TrainingSessionRow, List<ImportProblem>) Read(SheetRow row)
    {
        var problems = new List<ImportProblem>();
        string Text(string column) => SheetCells.Text(row.Cell(column));
        T Check<T>(string column, T value, string? problem)
        {
            if (problem is not null)
            {
                problems.Add(new(row.Line, column, problem));
            }

            return value;
        }

        int? Number(string column) => Check(column, SheetCells.WholeNumber(row.Cell(column), out var problem), problem);
        DateOnly Date(string column)
        {
            var date = Check(column, SheetCells.Date(row.Cell(column), out var problem), problem);
            if (date is null && problem is null)
            {
                problems.Add(new(row.Line, column, SheetTexts.EmptyCell));
            }

            // The row is skipped for its date problem; the placeholder only lets the other cells be checked too.
            return date ?? DateOnly.MinValue;
        }

        var details = new TrainingSessionDetails
        {
            Place = Text(Columns.Place),
            StartsOn = Date(Columns.StartsOn),
            EndsOn = Date(Columns.EndsOn),
            Schedule = Text(Columns.Schedule),
            Seats = Number(Columns.Seats) ?? Check(Columns.Seats, 0, SheetTexts.EmptyCell),
            Fee = Text(Columns.Fee) is { Length: > 0 } fee ? fee : "免费",
            Bring = Text(Columns.Bring) is { Length: > 0 } bring ? bring : "身份证",
            AgeMin = Number(Columns.AgeMin),
            AgeMax = Number(Columns.AgeMax),
            Townships = TypedText.List(Text(Columns.Townships)),
            Prerequisites = Text(Columns.Prerequisites),
            EnrolBy = Date(Columns.EnrolBy),
        };
        return (row.Line, new TrainingSessionRow(Text(Columns.ExternalId), Text(Columns.Course), details, Text(Columns.Station)), problems);
    }

    /// <summary>
    /// The sheet's headers; 年龄上下限、限户籍乡镇 (several separated by 、 or ,) left empty mean no limit, and an empty
    /// 站点 the county centre for a new session.
    /// </summary>
    public static class Columns
    {
        public const string ExternalId = "外部编号";
        public const string Course = "课程";
        public const string Place = "地点";
        public const string StartsOn = "开班日期";
        public const string EndsOn = "结业日期";
        public const string Schedule = "上课时间";
        public const string Seats = "名额";
        public const string Fee = "费用";
        public const string Bring = "需带物品";
        public const string AgeMin = "年龄下限";
        public const string AgeMax = "年龄上限";
        public const string Townships = "限户籍乡镇";
        public const string Prerequisites = "报名条件";
        public const string EnrolBy = "报名截止";
        public const string Station = "站点";

        public static readonly IReadOnlyList<string> All =
            [ExternalId, Course, Place, StartsOn, EndsOn, Schedule, Seats, Fee, Bring, AgeMin, AgeMax, Townships, Prerequisites, EnrolBy, Station];

        public static readonly IReadOnlyList<string> Required = [ExternalId, Course, Place, StartsOn, EndsOn, Seats, EnrolBy];
    }
}

/// <summary>One session of the sheet: its 外部编号, the course's name, what staff set and the station's name (empty: none given).</summary>
public sealed record TrainingSessionRow(string ExternalId, string Course, TrainingSessionDetails Details, string Station = "")
{
    /// <summary>The session as a row of the sheet, keyed by header: for the template, the demo and test files.</summary>
    public Dictionary<string, object?> Cells() => new()
    {
        [TrainingSessionImport.Columns.ExternalId] = ExternalId,
        [TrainingSessionImport.Columns.Course] = Course,
        [TrainingSessionImport.Columns.Place] = Details.Place,
        [TrainingSessionImport.Columns.StartsOn] = Details.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [TrainingSessionImport.Columns.EndsOn] = Details.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [TrainingSessionImport.Columns.Schedule] = Details.Schedule,
        [TrainingSessionImport.Columns.Seats] = Details.Seats,
        [TrainingSessionImport.Columns.Fee] = Details.Fee,
        [TrainingSessionImport.Columns.Bring] = Details.Bring,
        [TrainingSessionImport.Columns.AgeMin] = Details.AgeMin,
        [TrainingSessionImport.Columns.AgeMax] = Details.AgeMax,
        [TrainingSessionImport.Columns.Townships] = string.Join("、", Details.Townships),
        [TrainingSessionImport.Columns.Prerequisites] = Details.Prerequisites,
        [TrainingSessionImport.Columns.EnrolBy] = Details.EnrolBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [TrainingSessionImport.Columns.Station] = Station,
    };
}

/// <summary>An import's report, and the sessions whose workers now have a notice to be sent.</summary>
public sealed record TrainingSessionImportResult(ImportReport Report, IReadOnlyList<int> MovedSessions);
