using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pingtang.Domain.Sheets;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// Loads postings from a station's spreadsheet (or the demo generator): good rows are added, or update the posting
/// with the same 外部编号; every bad row is skipped and reported by line and column. Rows are saved
/// <see cref="BatchSize"/> at a time with a fresh change tracker, so 100,000 rows go in one pass in bounded memory.
/// </summary>
/// <remarks>
/// Each batch commits on its own rather than the whole file in one transaction: a long import must not hold the
/// database's write lock while workers chat. Re-importing is safe (rows update by 外部编号), so a file that breaks
/// halfway is fixed and imported again.
/// </remarks>
public sealed class JobImport(PingtangDb db, TimeProvider time, ILogger<JobImport> logger)
{
    public const int BatchSize = 1000;

    /// <summary>The report lists this many problems; the rest are only counted.</summary>
    public const int ListedProblems = 1000;

    private static readonly Dictionary<string, int> ColumnOrder = JobPostingDraft.Columns.All.Index().ToDictionary(c => c.Item, c => c.Index);

    /// <summary>Imports an .xlsx or UTF-8 .csv file; <paramref name="fileName"/> names the format and is stored as the postings' source.</summary>
    public async Task<ImportReport> ImportFileAsync(Stream file, string fileName, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName);
        var run = await StartAsync(name.Length <= JobPosting.SourceMaxLength ? name : name[..JobPosting.SourceMaxLength], progress, cancellationToken);
        try
        {
            using var sheet = JobSheet.Open(file, fileName, cancellationToken);
            run.UnknownColumns = sheet.UnknownColumns;
            await run.ImportAsync(sheet.Rows(), _ => sheet.Fraction, cancellationToken);
            return run.Report(fileError: null);
        }
        catch (DomainException e)
        {
            return run.Report(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return run.Report(ImportFailure.Report(logger, name, e));
        }
    }

    /// <summary>Imports drafts made in code (the demo generator); <paramref name="count"/> is how many there are, for progress.</summary>
    public async Task<ImportReport> ImportDraftsAsync(IEnumerable<JobPostingDraft> drafts, int count, string source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var run = await StartAsync(source, progress, cancellationToken);
        var rows = drafts.Select((draft, i) => new JobRow(i + 1, draft, []));
        await run.ImportAsync(rows, read => count > 0 ? Math.Min(1, (double)read / count) : null, cancellationToken);
        return run.Report(fileError: null);
    }

    private async Task<Run> StartAsync(string source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var stations = await db.Stations.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
        return new Run(db, stations, source, ChinaTime.Today(time), time.GetUtcNow(), progress);
    }

    /// <summary>One import's counts, problems and pending batch.</summary>
    private sealed class Run(PingtangDb db, Dictionary<string, int> stations, string source, DateOnly today, DateTimeOffset now, IProgress<ImportProgress>? progress)
    {
        private readonly HashSet<string> _stationNames = [.. stations.Keys];

        /// <summary>The line where each 外部编号 first appeared, to catch a posting listed twice in one file.</summary>
        private readonly Dictionary<string, int> _firstLines = new(StringComparer.Ordinal);

        private readonly List<JobPostingDraft> _batch = new(BatchSize);

        private readonly List<ImportProblem> _problems = [];

        public IReadOnlyList<string> UnknownColumns { get; set; } = [];

        private int _read;
        private int _added;
        private int _updated;
        private int _skipped;
        private int _problemCount;

        public async Task ImportAsync(IEnumerable<JobRow> rows, Func<int, double?> fraction, CancellationToken cancellationToken)
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _read++;
                var problems = Check(row);
                if (problems.Count == 0)
                {
                    _batch.Add(row.Draft);
                }
                else
                {
                    Skip(row.Line, problems);
                }

                if (_batch.Count == BatchSize)
                {
                    await SaveAsync(cancellationToken);
                }

                if (_read % BatchSize == 0)
                {
                    Report(fraction(_read));
                }
            }

            await SaveAsync(cancellationToken);
            Report(fraction(_read));
        }

        public ImportReport Report(string? fileError) => new()
        {
            Source = source,
            Added = _added,
            Updated = _updated,
            Skipped = _skipped,
            ProblemCount = _problemCount,
            Problems = _problems,
            UnknownColumns = UnknownColumns,
            Columns = JobPostingDraft.Columns.All,
            FileError = fileError,
        };

        /// <summary>The cells that could not be read, then the rules the draft breaks in the other columns.</summary>
        private List<JobProblem> Check(JobRow row)
        {
            var problems = row.Problems.ToList();
            var unreadable = problems.Select(p => p.Column).ToHashSet();
            problems.AddRange(row.Draft.Validate(today, _stationNames).Where(p => !unreadable.Contains(p.Column)));
            var externalId = row.Draft.ExternalId;
            if (externalId.Length > 0 && !_firstLines.TryAdd(externalId, row.Line))
            {
                problems.Add(new(JobPostingDraft.Columns.ExternalId, string.Format(SheetTexts.DuplicateExternalId, externalId, _firstLines[externalId])));
            }

            // Listed in the sheet's column order, as staff read the row left to right.
            return [.. problems.OrderBy(p => ColumnOrder[p.Column])];
        }

        private void Skip(int line, List<JobProblem> problems)
        {
            _skipped++;
            _problemCount += problems.Count;
            _problems.AddRange(problems.Take(ListedProblems - _problems.Count).Select(p => new ImportProblem(line, p.Column, p.Message)));
        }

        private async Task SaveAsync(CancellationToken cancellationToken)
        {
            if (_batch.Count == 0)
            {
                return;
            }

            var ids = _batch.Select(d => d.ExternalId).ToList();
            var existing = await db.JobPostings.Where(j => ids.Contains(j.ExternalId)).ToDictionaryAsync(j => j.ExternalId, StringComparer.Ordinal, cancellationToken);
            foreach (var draft in _batch)
            {
                var stationId = stations[draft.Station.Trim()];
                if (existing.TryGetValue(draft.ExternalId, out var posting))
                {
                    posting.Update(draft, stationId, source, now);
                    _updated++;
                }
                else
                {
                    db.JobPostings.Add(JobPosting.Create(draft, stationId, source, now));
                    _added++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            _batch.Clear();
        }

        private void Report(double? fraction) => progress?.Report(new(_read, _added, _updated, _skipped, fraction));
    }
}
