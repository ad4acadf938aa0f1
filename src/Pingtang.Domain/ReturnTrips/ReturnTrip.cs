using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.ReturnTrips;

/// <summary>
/// One departure of the county's organised return to work (返岗专车 · 专列 · 自驾车队): on a day and time, to a city,
/// with a fixed number of seats and pickup points in the townships. The database keeps <see cref="SeatsTaken"/> within
/// <see cref="Seats"/>: a booking takes its seats with one conditional update (<see cref="TripBookings"/>), never a
/// count in C#, so no departure is overbooked however many sign up at once.
/// </summary>
public sealed class ReturnTrip
{
    public const int CityMaxLength = 30;
    public const int NotesMaxLength = 300;
    public const int ExternalIdMaxLength = 64;
    public const int MaxSeats = 3000;

    private ReturnTrip()
    {
    }

    public int Id { get; private set; }

    /// <summary>The station that organises it: its staff keep the passenger list.</summary>
    public int StationId { get; private set; }

    public Station? Station { get; private set; }

    /// <summary>外部编号 from the county's sheet, so a re-import updates the departure; null for one made on the page.</summary>
    public string? ExternalId { get; private set; }

    public TripMode Mode { get; private set; }

    /// <summary>Where it goes, e.g. 广州 or 东莞大朗.</summary>
    public string DestinationCity { get; private set; } = "";

    /// <summary>The departure day, China time.</summary>
    public DateOnly DepartsOn { get; private set; }

    /// <summary>When the bus or train leaves (the last pickup), China time.</summary>
    public TimeOnly DepartsAt { get; private set; }

    public int Seats { get; private set; }

    /// <summary>Seats of confirmed bookings; changed only by the database statements of <see cref="TripBookings"/>.</summary>
    public int SeatsTaken { get; private set; }

    /// <summary>The last day to sign up, China time.</summary>
    public DateOnly SignUpBy { get; private set; }

    /// <summary>车长: the person in charge on the day, whom travellers call.</summary>
    public string LeaderName { get; private set; } = "";

    public string LeaderPhone { get; private set; } = "";

    /// <summary>What to bring and other notes, for the reminder the day before, e.g. 身份证、口罩、路上吃的.</summary>
    public string Notes { get; private set; } = "";

    public List<PickupPoint> PickupPoints { get; private set; } = [];

    /// <summary>
    /// The secret in the link staff give the 车长, who marks boarding from a phone without a staff account. Staff make
    /// a new one when a link was passed on too far.
    /// </summary>
    public string BoardingKey { get; private set; } = "";

    public DateTimeOffset? CancelledAt { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public int SeatsLeft => Math.Max(0, Seats - SeatsTaken);

    /// <summary>What workers and staff read: 2月11日（正月初六）07:30 返岗专车 → 广州.</summary>
    public string Title => $"{DepartsOn.Month}月{DepartsOn.Day}日（{Calendar.SpringFestival.LunarDayOf(DepartsOn)}）{DepartsAt:HH\\:mm} {TripModes.Name(Mode)} → {DestinationCity}";

    public static ReturnTrip Plan(ReturnTripDetails details, DateOnly today, int stationId = Station.CountyCentreId, string? externalId = null)
    {
        var trip = new ReturnTrip { StationId = stationId, ExternalId = externalId, BoardingKey = NewBoardingKey() };
        trip.Change(details, today, new HashSet<int>());
        return trip;
    }

    /// <summary>
    /// Staff change the departure. It cannot shrink below the seats already confirmed, and a pickup point someone is
    /// booked at (<paramref name="pointsInUse"/>) cannot be removed: they would not know where to wait.
    /// </summary>
    public void Change(ReturnTripDetails details, DateOnly today, IReadOnlySet<int> pointsInUse)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(pointsInUse);
        if (details.Problem(today) is { } problem)
        {
            throw new DomainException(problem.Message);
        }

        if (details.Seats < SeatsTaken)
        {
            throw new DomainException($"已有{SeatsTaken}个座位报名确认，座位数不能少于{SeatsTaken}");
        }

        var removed = PickupPoints.Where(p => !details.PickupPoints.Any(p.IsAt)).ToList();
        if (removed.FirstOrDefault(p => pointsInUse.Contains(p.Id)) is { } inUse)
        {
            throw new DomainException($"上车点「{inUse.Township} {inUse.Place}」已有人报名，不能删除；可以改时间，或请报名的人改上车点");
        }

        Mode = details.Mode;
        DestinationCity = details.DestinationCity;
        DepartsOn = details.DepartsOn;
        DepartsAt = details.DepartsAt;
        Seats = details.Seats;
        SignUpBy = details.SignUpBy;
        LeaderName = details.LeaderName;
        LeaderPhone = details.LeaderPhone;
        Notes = details.Notes;
        foreach (var point in removed)
        {
            PickupPoints.Remove(point);
        }

        foreach (var point in details.PickupPoints)
        {
            if (PickupPoints.FirstOrDefault(p => p.IsAt(point)) is { } kept)
            {
                kept.MoveTo(point.Time);
            }
            else
            {
                PickupPoints.Add(PickupPoint.From(point));
            }
        }
    }

    public void Cancel(DateTimeOffset now) => CancelledAt ??= now;

    /// <summary>Another station organises it from now on (a re-import naming another 站点).</summary>
    public void HandTo(int stationId) => StationId = stationId;

    public void RenewBoardingKey() => BoardingKey = NewBoardingKey();

    /// <summary>The departure's current details, to fill the staff's edit form.</summary>
    public ReturnTripDetails Details() => new()
    {
        Mode = Mode,
        DestinationCity = DestinationCity,
        DepartsOn = DepartsOn,
        DepartsAt = DepartsAt,
        Seats = Seats,
        SignUpBy = SignUpBy,
        LeaderName = LeaderName,
        LeaderPhone = LeaderPhone,
        Notes = Notes,
        PickupPoints = [.. PickupPoints.OrderBy(p => p.Time).Select(p => new PickupPointDetails { Township = p.Township, Place = p.Place, Time = p.Time })],
    };

    /// <summary>Open for sign-up on <paramref name="today"/> (China time).</summary>
    public bool IsOpen(DateOnly today) => !IsCancelled && today <= SignUpBy && today < DepartsOn;

    private static string NewBoardingKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>
/// What staff set for a departure, from the console form or a sheet; its text is cleaned as it is set
/// (<see cref="TypedText.Clean"/>), so both store the same.
/// </summary>
public sealed record ReturnTripDetails
{
    public required TripMode Mode { get; init; }

    public required string DestinationCity { get; init => field = TypedText.Clean(value); }

    public required DateOnly DepartsOn { get; init; }

    public required TimeOnly DepartsAt { get; init; }

    public required int Seats { get; init; }

    public required DateOnly SignUpBy { get; init; }

    public required string LeaderName { get; init => field = TypedText.Clean(value); }

    public required string LeaderPhone { get; init => field = TypedText.Clean(value); }

    public string Notes { get; init => field = TypedText.Clean(value); } = "";

    public required IReadOnlyList<PickupPointDetails> PickupPoints { get; init; }

    /// <summary>The first broken rule on <paramref name="today"/> and the detail it is about (an import names that column); null when valid.</summary>
    public TripProblem? Problem(DateOnly today)
    {
        if (DestinationCity.Length is 0 or > ReturnTrip.CityMaxLength)
        {
            return new(nameof(DestinationCity), $"目的地应为1到{ReturnTrip.CityMaxLength}个字");
        }

        if (StaffDates.Problem(DepartsOn, today) is { } departsOn)
        {
            return new(nameof(DepartsOn), departsOn);
        }

        if (SignUpBy > DepartsOn)
        {
            return new(nameof(SignUpBy), "报名截止日期晚于出发日期");
        }

        if (StaffDates.Problem(SignUpBy, today) is { } signUpBy)
        {
            return new(nameof(SignUpBy), signUpBy);
        }

        if (Seats is < 1 or > ReturnTrip.MaxSeats)
        {
            return new(nameof(Seats), $"座位数应为1到{ReturnTrip.MaxSeats}之间");
        }

        if (LeaderName.Length is 0 or > Worker.NameMaxLength)
        {
            return new(nameof(LeaderName), $"车长姓名应为1到{Worker.NameMaxLength}个字");
        }

        if (!Worker.MobilePattern().IsMatch(LeaderPhone))
        {
            return new(nameof(LeaderPhone), "车长电话应为11位手机号");
        }

        if (Notes.Length > ReturnTrip.NotesMaxLength)
        {
            return new(nameof(Notes), $"注意事项不能超过{ReturnTrip.NotesMaxLength}个字");
        }

        return PickupPointProblem();
    }

    private TripProblem? PickupPointProblem()
    {
        if (PickupPoints.Count == 0)
        {
            return new(nameof(PickupPoints), "至少要有一个上车点");
        }

        foreach (var point in PickupPoints)
        {
            if (!Townships.Township.IsKnown(point.Township))
            {
                return new(nameof(PickupPoints), $"「{point.Township}」不是平塘县的乡镇");
            }

            if (point.Place.Length is 0 or > PickupPoint.PlaceMaxLength)
            {
                return new(nameof(PickupPoints), $"上车地点应为1到{PickupPoint.PlaceMaxLength}个字");
            }

            if (point.Time > DepartsAt)
            {
                return new(nameof(PickupPoints), $"{point.Township}的上车时间 {point.Time:HH\\:mm} 晚于发车时间 {DepartsAt:HH\\:mm}");
            }
        }

        return PickupPoints.CountBy(p => (p.Township, p.Place)).Any(c => c.Value > 1)
            ? new(nameof(PickupPoints), "同一个上车点写了两次")
            : null;
    }
}

/// <summary>A broken rule of <see cref="ReturnTripDetails"/>: the property it is about, and what staff read.</summary>
public sealed record TripProblem(string Detail, string Message);

internal sealed class ReturnTripConfiguration : IEntityTypeConfiguration<ReturnTrip>
{
    public void Configure(EntityTypeBuilder<ReturnTrip> builder)
    {
        builder.ToTable("ReturnTrips", t => t.HasCheckConstraint("CK_ReturnTrips_SeatsTaken", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"Seats\""));
        builder.Property(t => t.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.DestinationCity).HasMaxLength(ReturnTrip.CityMaxLength);
        builder.Property(t => t.LeaderName).HasMaxLength(Worker.NameMaxLength);
        builder.Property(t => t.LeaderPhone).HasMaxLength(11);
        builder.Property(t => t.Notes).HasMaxLength(ReturnTrip.NotesMaxLength);
        builder.Property(t => t.ExternalId).HasMaxLength(ReturnTrip.ExternalIdMaxLength);
        builder.Property(t => t.BoardingKey).HasMaxLength(32);
        builder.HasIndex(t => t.ExternalId).IsUnique();
        builder.HasIndex(t => t.BoardingKey).IsUnique();
        builder.HasIndex(t => new { t.DepartsOn, t.DestinationCity });
        builder.HasIndex(t => new { t.StationId, t.DepartsOn });
        builder.HasOne(t => t.Station).WithMany().HasForeignKey(t => t.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.PickupPoints).WithOne().HasForeignKey(p => p.TripId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.IsCancelled);
        builder.Ignore(t => t.SeatsLeft);
        builder.Ignore(t => t.Title);
    }
}
