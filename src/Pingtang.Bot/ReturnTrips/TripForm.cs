using System.Globalization;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Stations;

namespace Pingtang.Bot.ReturnTrips;

/// <summary>
/// The departure form as staff typed it, so a refused form comes back with their text in it. Pickup points are a
/// fixed number of rows (no script needed to add one); rows left empty are not pickup points. <see cref="StationId"/>
/// is an admin's choice; a station's staff plan for their own station whatever the form says.
/// </summary>
public sealed record TripForm(string Mode, int StationId, string Destination, string DepartsOn, string DepartsAt, string Seats, string SignUpBy, string LeaderName, string LeaderPhone, string Notes, IReadOnlyList<PickupRow> Pickups)
{
    /// <summary>Rows shown for pickup points: a bus stops in a handful of townships.</summary>
    public const int PickupRows = 8;

    /// <summary>Rows read back, at most: a form with more is not one of ours.</summary>
    private const int MostPickupRows = 30;

    public static TripForm Empty { get; } = new("", Station.CountyCentreId, "", "", "", "", "", "", "", "身份证、口罩、路上吃的和水", []);

    /// <summary>The pickup rows to show: those given, then empty ones up to <see cref="PickupRows"/>, and always one empty row.</summary>
    public IReadOnlyList<PickupRow> Rows =>
        [.. Pickups, .. Enumerable.Repeat(PickupRow.Blank, Math.Max(PickupRows - Pickups.Count, 1))];

    public static TripForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string F(string key) => form[key].ToString().Trim();
        var station = int.TryParse(F("station"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : Station.CountyCentreId;
        var pickups = Enumerable.Range(0, MostPickupRows)
            .Where(i => form.ContainsKey($"township{i}"))
            .Select(i => new PickupRow(F($"township{i}"), F($"place{i}"), F($"time{i}")))
            .Where(row => !row.IsBlank)
            .ToList();
        return new(F("mode"), station, F("destination"), F("departsOn"), F("departsAt"), F("seats"), F("signUpBy"), F("leaderName"), F("leaderPhone"), F("notes"), pickups);
    }

    public static TripForm Of(ReturnTrip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var d = trip.Details();
        return new(d.Mode.ToString(), trip.StationId, d.DestinationCity, Day(d.DepartsOn), Clock(d.DepartsAt), d.Seats.ToString(CultureInfo.InvariantCulture), Day(d.SignUpBy), d.LeaderName, d.LeaderPhone, d.Notes, [.. d.PickupPoints.Select(p => new PickupRow(p.Township, p.Place, Clock(p.Time)))]);
    }

    /// <summary>The details, or the first field that could not be read or is not valid on <paramref name="today"/>, in words for staff.</summary>
    public (ReturnTripDetails? Details, string? Problem) Details(DateOnly today)
    {
        string? problem = null;
        T Fail<T>(string label, string message)
        {
            problem ??= $"{label}：{message}";
            return default!;
        }

        DateOnly Date(string label, string text) => SheetCells.Date(text, out var p) is { } d ? d : Fail<DateOnly>(label, p ?? SheetTexts.EmptyCell);
        TimeOnly Time(string label, string text) => SheetCells.Time(text, out var p) is { } t ? t : Fail<TimeOnly>(label, p ?? SheetTexts.EmptyCell);
        var mode = Enum.TryParse<TripMode>(Mode, out var m) && Enum.IsDefined(m) ? m : Fail<TripMode>("方式", TripStaffTexts.ChooseMode);
        var departsOn = Date("出发日期", DepartsOn);
        var departsAt = Time("出发时间", DepartsAt);
        var seats = SheetCells.WholeNumber(Seats, out var seatsProblem) is { } n && seatsProblem is null ? n : Fail<int>("座位数", seatsProblem ?? SheetTexts.EmptyCell);
        var signUpBy = Date("报名截止", SignUpBy);
        var points = new List<PickupPointDetails>();
        foreach (var (row, i) in Pickups.Select((row, i) => (row, i)))
        {
            if (row.Township.Length == 0 || row.Place.Length == 0 || row.Time.Length == 0)
            {
                Fail<int>("上车点", string.Format(CultureInfo.InvariantCulture, TripStaffTexts.IncompletePickup, i + 1));
                continue;
            }

            points.Add(new() { Township = row.Township, Place = row.Place, Time = Time($"第{i + 1}个上车点的时间", row.Time) });
        }

        if (problem is not null)
        {
            return (null, problem);
        }

        var details = new ReturnTripDetails
        {
            Mode = mode,
            DestinationCity = Destination,
            DepartsOn = departsOn,
            DepartsAt = departsAt,
            Seats = seats,
            SignUpBy = signUpBy,
            LeaderName = LeaderName,
            LeaderPhone = LeaderPhone,
            Notes = Notes,
            PickupPoints = points,
        };
        return (details, details.Problem(today)?.Message);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>One pickup row of the form, as typed.</summary>
public sealed record PickupRow(string Township, string Place, string Time)
{
    public static PickupRow Blank { get; } = new("", "", "");

    public bool IsBlank => Township.Length == 0 && Place.Length == 0 && Time.Length == 0;
}
