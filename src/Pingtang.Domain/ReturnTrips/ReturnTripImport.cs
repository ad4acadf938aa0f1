using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// Loads departures from the county's sheet. One line is one pickup point of a departure (乡镇, 上车地点, 上车时间);
/// the lines of one departure share its 外部编号 and stand together, and its own columns (方式, 目的地, …) are read
/// from its first line — later lines may repeat them or leave them empty, as Excel's merged cells read. A new
/// 外部编号 plans a departure, a known one changes it through <see cref="TripChanges"/> (more seats go to those
/// waiting). A departure with any bad line is skipped whole, each problem reported by line and column in an
/// <see cref="ImportReport"/>, so staff read it as they read the other imports'.
/// </summary>
public sealed class ReturnTripImport(PingtangDb db, TimeProvider time, TripChanges changes, ILogger<ReturnTripImport> logger)
{
    public async Task<ImportReport> ImportFileAsync(Stream file, string fileName, CancellationToken cancellationToken)
    {
        var source = Path.GetFileName(fileName);
        try
        {
            using var sheet = Sheet.Open(file, fileName, Columns.Required, Columns.All, cancellationToken);
            return await ImportAsync(sheet.Rows().Select(row => new ReturnTripLine(row.Line, column => SheetCells.Text(row.Cell(column)), row.Cell)), source, sheet.UnknownColumns, cancellationToken);
        }
        catch (DomainException e)
        {
            return new ImportReport { Source = source, FileError = e.Message };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ImportReport { Source = source, FileError = ImportFailure.Report(logger, source, e) };
        }
    }

    /// <summary>Imports lines made in code (the demo departures) by the same rules as a sheet's.</summary>
    public Task<ImportReport> ImportLinesAsync(IEnumerable<IReadOnlyDictionary<string, object?>> lines, string source, CancellationToken cancellationToken) =>
        ImportAsync(lines.Select((cells, i) => new ReturnTripLine(i + 2, column => SheetCells.Text(cells.GetValueOrDefault(column)), column => cells.GetValueOrDefault(column))), source, [], cancellationToken);

    private async Task<ImportReport> ImportAsync(IEnumerable<ReturnTripLine> lines, string source, IReadOnlyList<string> unknownColumns, CancellationToken cancellationToken)
    {
        var stations = await db.Stations.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
        var today = ChinaTime.Today(time);
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<ImportProblem>();
        int added = 0, updated = 0, skipped = 0;
        Departure? departure = null;
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var externalId = line.Text(Columns.ExternalId);
            if (externalId.Length == 0 && departure is null)
            {
                problems.Add(new(line.Number, Columns.ExternalId, SheetTexts.EmptyCell));
                skipped++;
                continue;
            }

            if (externalId.Length > 0 && externalId != departure?.ExternalId)
            {
                await SaveAsync(departure);
                departure = new Departure(externalId, line);
                if (externalId.Length > ReturnTrip.ExternalIdMaxLength)
                {
                    departure.Problem(line, Columns.ExternalId, $"应为1到{ReturnTrip.ExternalIdMaxLength}个字");
                }

                if (!firstLines.TryAdd(externalId, line.Number))
                {
                    departure.Problem(line, Columns.ExternalId, string.Format(CultureInfo.InvariantCulture, ReturnTripImportTexts.NotTogether, externalId, firstLines[externalId]));
                }
            }
            else
            {
                departure!.Continue(line);
            }

            departure.AddPickupPoint(line);
        }

        await SaveAsync(departure);
        return new ImportReport
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

        async Task SaveAsync(Departure? ready)
        {
            if (ready is null)
            {
                return;
            }

            var station = ready.First.Text(Columns.Station);
            if (station.Length > 0 && !stations.ContainsKey(station))
            {
                ready.Problem(ready.First, Columns.Station, string.Format(CultureInfo.InvariantCulture, SheetTexts.UnknownStation, station));
            }

            var details = ready.Details();
            if (details is not null && details.Problem(today) is { } invalid)
            {
                ready.Problem(ready.First, ColumnOf(invalid.Detail), invalid.Message);
            }

            if (ready.Problems.Count > 0 || details is null)
            {
                skipped++;
                problems.AddRange(ready.Problems);
                return;
            }

            var existing = await db.ReturnTrips.AsNoTracking().Where(t => t.ExternalId == ready.ExternalId).Select(t => new { t.Id, t.SeatsTaken }).SingleOrDefaultAsync(cancellationToken);
            if (existing is { Id: var id })
            {
                try
                {
                    await changes.ChangeAsync(id, details, cancellationToken);
                    // An empty 站点 leaves the departure with the station that has it.
                    if (station.Length > 0)
                    {
                        (await db.ReturnTrips.SingleAsync(t => t.Id == id, cancellationToken)).HandTo(stations[station]);
                        await db.SaveChangesAsync(cancellationToken);
                    }

                    updated++;
                }
                catch (DomainException e)
                {
                    skipped++;
                    // The departure refused the change: fewer seats than confirmed, or a pickup point in use left out.
                    problems.Add(new(ready.First.Number, details.Seats < existing.SeatsTaken ? Columns.Seats : Columns.Township, e.Message));
                }
            }
            else
            {
                db.ReturnTrips.Add(ReturnTrip.Plan(details, today, station.Length == 0 ? Station.CountyCentreId : stations[station], ready.ExternalId));
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The sheet's column for a property of <see cref="ReturnTripDetails"/>.</summary>
    private static string ColumnOf(string detail) => detail switch
    {
        nameof(ReturnTripDetails.DestinationCity) => Columns.Destination,
        nameof(ReturnTripDetails.DepartsOn) => Columns.DepartsOn,
        nameof(ReturnTripDetails.SignUpBy) => Columns.SignUpBy,
        nameof(ReturnTripDetails.Seats) => Columns.Seats,
        nameof(ReturnTripDetails.LeaderName) => Columns.LeaderName,
        nameof(ReturnTripDetails.LeaderPhone) => Columns.LeaderPhone,
        nameof(ReturnTripDetails.Notes) => Columns.Notes,
        nameof(ReturnTripDetails.PickupPoints) => Columns.Township,
        _ => throw new ArgumentOutOfRangeException(nameof(detail), detail, "A rule of ReturnTripDetails without a column."),
    };

    /// <summary>
    /// The sheet's headers. 注意事项 and 站点 may be left empty: an empty 站点 gives a new departure to the county
    /// centre and leaves a known one where it is.
    /// </summary>
    public static class Columns
    {
        public const string ExternalId = "外部编号";
        public const string Mode = "方式";
        public const string Destination = "目的地";
        public const string DepartsOn = "出发日期";
        public const string DepartsAt = "出发时间";
        public const string Seats = "座位数";
        public const string SignUpBy = "报名截止";
        public const string LeaderName = "车长";
        public const string LeaderPhone = "车长电话";
        public const string Notes = "注意事项";
        public const string Station = "站点";
        public const string Township = "乡镇";
        public const string Place = "上车地点";
        public const string PickupTime = "上车时间";

        /// <summary>The departure's own columns, the same on each of its lines.</summary>
        public static readonly IReadOnlyList<string> OfDeparture = [Mode, Destination, DepartsOn, DepartsAt, Seats, SignUpBy, LeaderName, LeaderPhone, Notes, Station];

        public static readonly IReadOnlyList<string> All = [ExternalId, .. OfDeparture, Township, Place, PickupTime];

        public static readonly IReadOnlyList<string> Required = [ExternalId, Mode, Destination, DepartsOn, DepartsAt, Seats, SignUpBy, LeaderName, LeaderPhone, Township, Place, PickupTime];
    }

    /// <summary>The lines of one departure as they are read: its first line, its pickup points and its problems.</summary>
    private sealed class Departure(string externalId, ReturnTripLine first)
    {
        private readonly List<PickupPointDetails> _points = [];

        public string ExternalId => externalId;

        public ReturnTripLine First => first;

        public List<ImportProblem> Problems { get; } = [];

        public void Problem(ReturnTripLine line, string column, string message) => Problems.Add(new(line.Number, column, message));

        /// <summary>A later line of the departure: its own columns empty or as on the first line.</summary>
        public void Continue(ReturnTripLine line)
        {
            foreach (var column in Columns.OfDeparture)
            {
                if (line.Text(column) is { Length: > 0 } text && text != first.Text(column))
                {
                    Problem(line, column, string.Format(CultureInfo.InvariantCulture, ReturnTripImportTexts.DiffersFromFirst, text, first.Number, first.Text(column)));
                }
            }
        }

        public void AddPickupPoint(ReturnTripLine line)
        {
            var township = line.Text(Columns.Township);
            var place = line.Text(Columns.Place);
            var at = Time(line, Columns.PickupTime);
            Required(line, Columns.Township, township);
            Required(line, Columns.Place, place);
            if (at is { } pickupTime)
            {
                _points.Add(new() { Township = township, Place = place, Time = pickupTime });
            }
        }

        /// <summary>The departure's details from its first line, or null when a cell of it could not be read (its problem is noted).</summary>
        public ReturnTripDetails? Details()
        {
            var count = Problems.Count;
            var mode = TripModes.Parse(first.Text(Columns.Mode));
            if (mode is null)
            {
                Problem(first, Columns.Mode, string.Format(CultureInfo.InvariantCulture, ReturnTripImportTexts.UnknownMode, first.Text(Columns.Mode)));
            }

            var departsOn = Date(Columns.DepartsOn);
            var departsAt = Time(first, Columns.DepartsAt);
            var signUpBy = Date(Columns.SignUpBy);
            var seats = SheetCells.WholeNumber(first.Cell(Columns.Seats), out var seatsProblem);
            if (seatsProblem is not null || seats is null)
            {
                Problem(first, Columns.Seats, seatsProblem ?? SheetTexts.EmptyCell);
            }

            if (Problems.Count > count || mode is null || departsOn is null || departsAt is null || signUpBy is null || seats is null)
            {
                return null;
            }

            return new ReturnTripDetails
            {
                Mode = mode.Value,
                DestinationCity = first.Text(Columns.Destination),
                DepartsOn = departsOn.Value,
                DepartsAt = departsAt.Value,
                Seats = seats.Value,
                SignUpBy = signUpBy.Value,
                LeaderName = first.Text(Columns.LeaderName),
                LeaderPhone = first.Text(Columns.LeaderPhone),
                Notes = first.Text(Columns.Notes),
                PickupPoints = _points,
            };
        }

        private DateOnly? Date(string column)
        {
            var date = SheetCells.Date(first.Cell(column), out var problem);
            if (date is null)
            {
                Problem(first, column, problem ?? SheetTexts.EmptyCell);
            }

            return date;
        }

        private TimeOnly? Time(ReturnTripLine line, string column)
        {
            var at = SheetCells.Time(line.Cell(column), out var problem);
            if (at is null)
            {
                Problem(line, column, problem ?? SheetTexts.EmptyCell);
            }

            return at;
        }

        private void Required(ReturnTripLine line, string column, string text)
        {
            if (text.Length == 0)
            {
                Problem(line, column, SheetTexts.EmptyCell);
            }
        }
    }
}

/// <summary>One line of the sheet: its number (as Excel shows it), its cells as text and as read.</summary>
internal sealed record ReturnTripLine(int Number, Func<string, string> Text, Func<string, object?> Cell);

/// <summary>What the departure import says about a line, beside the shared <see cref="SheetTexts"/>.</summary>
public static class ReturnTripImportTexts
{
    /// <summary>{0} the external id, {1} the line of its first departure.</summary>
    public const string NotTogether = "「{0}」在第{1}行已有一班：同一班次的各行要挨在一起，不同班次请用不同的外部编号";

    /// <summary>{0} what was written, {1} the departure's first line, {2} what it says there.</summary>
    public const string DiffersFromFirst = "「{0}」与本班次第{1}行的「{2}」不同：同一班次各行这一列应相同，或留空";

    /// <summary>{0} what was written.</summary>
    public static readonly string UnknownMode = "「{0}」不是返岗方式，应为" + string.Join("、", Enum.GetValues<TripMode>().Select(TripModes.Name));
}
