using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Training;

/// <summary>
/// One run of a course (培训班) at a place and time, with a fixed number of seats. The database keeps
/// <see cref="SeatsTaken"/> within <see cref="Seats"/>: enrolments take a seat with a conditional update, never a
/// count in C#, so two workers can never get the last seat.
/// </summary>
public sealed class TrainingSession
{
    public const int PlaceMaxLength = 64;
    public const int TextMaxLength = 200;
    public const int ExternalIdMaxLength = 64;

    private TrainingSession()
    {
    }

    public int Id { get; private set; }

    public int CourseId { get; private set; }

    public Course? Course { get; private set; }

    /// <summary>The station that runs it: its staff keep the roster.</summary>
    public int StationId { get; private set; }

    public Station? Station { get; private set; }

    /// <summary>外部编号 from the county's sheet, so a re-import updates the session; null for one made on the staff page.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>Where it runs, e.g. 平塘县公共实训基地 or 广州市白云区技师学院.</summary>
    public string Place { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>When the classes are, as staff write it: 每天 8:30-17:30，共15天.</summary>
    public string Schedule { get; private set; } = "";

    public int Seats { get; private set; }

    /// <summary>Confirmed enrolments; changed only by the database statements of <see cref="Enrolments"/>.</summary>
    public int SeatsTaken { get; private set; }

    /// <summary>免费, 政府补贴 or a fee, as staff write it.</summary>
    public string Fee { get; private set; } = "";

    /// <summary>What to bring, for the reminder the day before.</summary>
    public string Bring { get; private set; } = "";

    public int? AgeMin { get; private set; }

    public int? AgeMax { get; private set; }

    /// <summary>The townships whose workers may enrol (户籍); empty for everyone.</summary>
    public List<string> Townships { get; private set; } = [];

    /// <summary>What a worker needs before this session (e.g. 初中以上文化), in words; checked by staff, shown to workers.</summary>
    public string Prerequisites { get; private set; } = "";

    /// <summary>The last day to enrol.</summary>
    public DateOnly EnrolBy { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public int SeatsLeft => Math.Max(0, Seats - SeatsTaken);

    /// <summary>A new session run by <paramref name="stationId"/>; <paramref name="today"/> (China time) bounds its dates (<see cref="StaffDates"/>).</summary>
    public static TrainingSession Plan(int courseId, TrainingSessionDetails details, DateOnly today, string? externalId = null, int stationId = Station.CountyCentreId)
    {
        var session = new TrainingSession { CourseId = courseId, ExternalId = externalId, StationId = stationId };
        session.Change(details, today);
        return session;
    }

    /// <summary>
    /// Staff change the session's details; a session cannot shrink below the workers already confirmed, and
    /// <paramref name="today"/> (China time) bounds its dates.
    /// </summary>
    public void Change(TrainingSessionDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Validate(today) is { } problem)
        {
            throw new DomainException(problem);
        }

        if (details.Seats < SeatsTaken)
        {
            throw new DomainException($"已有{SeatsTaken}人报名确认，名额不能少于{SeatsTaken}");
        }

        Place = details.Place.Trim();
        StartsOn = details.StartsOn;
        EndsOn = details.EndsOn;
        Schedule = details.Schedule.Trim();
        Seats = details.Seats;
        Fee = details.Fee.Trim();
        Bring = details.Bring.Trim();
        AgeMin = details.AgeMin;
        AgeMax = details.AgeMax;
        Townships = details.Townships.Distinct().ToList();
        Prerequisites = details.Prerequisites.Trim();
        EnrolBy = details.EnrolBy;
    }

    public void Cancel(DateTimeOffset now) => CancelledAt ??= now;

    /// <summary>Another station takes the session over, roster and all (a re-import naming another 站点).</summary>
    public void HandTo(int stationId) => StationId = stationId;

    /// <summary>Whether <paramref name="details"/> change where or when the session is: what enrolled workers must be told.</summary>
    public bool IsMovedBy(TrainingSessionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details.Place.Trim() != Place || details.StartsOn != StartsOn || details.EndsOn != EndsOn || details.Schedule.Trim() != Schedule;
    }

    /// <summary>The session's current details, to fill the staff's edit form.</summary>
    public TrainingSessionDetails Details() => new()
    {
        Place = Place,
        StartsOn = StartsOn,
        EndsOn = EndsOn,
        Schedule = Schedule,
        Seats = Seats,
        Fee = Fee,
        Bring = Bring,
        AgeMin = AgeMin,
        AgeMax = AgeMax,
        Townships = Townships,
        Prerequisites = Prerequisites,
        EnrolBy = EnrolBy,
    };

    /// <summary>Open for enrolment on <paramref name="today"/> (China time).</summary>
    public bool IsOpen(DateOnly today) => !IsCancelled && today <= EnrolBy && today < StartsOn;

    /// <summary>Why the worker may not enrol, in words for them; null when they may.</summary>
    public string? Refusal(Worker worker, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (!IsOpen(today))
        {
            return "这一期已经截止报名";
        }

        if (worker.AgeIn(today.Year) is { } age && (age < AgeMin || age > AgeMax))
        {
            return $"这一期要求年龄{AgeMin ?? WorkerProfile.YoungestAge}到{AgeMax ?? WorkerProfile.OldestAge}岁，您今年{age}岁";
        }

        if (Townships.Count > 0 && (worker.HomeTownship is null || !Townships.Contains(worker.HomeTownship)))
        {
            return $"这一期只招{string.Join("、", Townships)}户籍的学员";
        }

        return null;
    }
}

/// <summary>
/// What staff set for a session, from the staff form or the sheet; its text is cleaned as it is set
/// (<see cref="TypedText.Clean"/>), so both store the same.
/// </summary>
public sealed record TrainingSessionDetails
{
    public required string Place { get; init => field = TypedText.Clean(value); }

    public required DateOnly StartsOn { get; init; }

    public required DateOnly EndsOn { get; init; }

    public string Schedule { get; init => field = TypedText.Clean(value); } = "";

    public required int Seats { get; init; }

    public string Fee { get; init => field = TypedText.Clean(value); } = "免费";

    public string Bring { get; init => field = TypedText.Clean(value); } = "身份证";

    public int? AgeMin { get; init; }

    public int? AgeMax { get; init; }

    public IReadOnlyList<string> Townships { get; init => field = [.. value.Select(t => TypedText.Clean(t))]; } = [];

    public string Prerequisites { get; init => field = TypedText.Clean(value); } = "";

    public required DateOnly EnrolBy { get; init; }

    /// <summary>The first broken rule on <paramref name="today"/> (China time), in words staff can read; null when the details are valid.</summary>
    public string? Validate(DateOnly today) => Problem(today)?.Message;

    /// <summary>The first broken rule on <paramref name="today"/> and the detail it is about (an import names that column); null when valid.</summary>
    public SessionProblem? Problem(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > TrainingSession.PlaceMaxLength)
        {
            return new(nameof(Place), $"地点应为1到{TrainingSession.PlaceMaxLength}个字");
        }

        if (StaffDates.Problem(StartsOn, today) is { } startsOn)
        {
            return new(nameof(StartsOn), startsOn);
        }

        if (EndsOn < StartsOn)
        {
            return new(nameof(EndsOn), "结束日期早于开始日期");
        }

        if (!StaffDates.EndsWithinAYear(StartsOn, EndsOn))
        {
            return new(nameof(EndsOn), StaffDates.SessionTooLong);
        }

        if (EnrolBy > StartsOn)
        {
            return new(nameof(EnrolBy), "报名截止日期晚于开班日期");
        }

        if (StaffDates.Problem(EnrolBy, today) is { } enrolBy)
        {
            return new(nameof(EnrolBy), enrolBy);
        }

        if (Seats is < 1 or > 1000)
        {
            return new(nameof(Seats), "名额应为1到1000之间");
        }

        if (AgeMin > AgeMax)
        {
            return new(nameof(AgeMax), "年龄下限高于上限");
        }

        var texts = new[] { (nameof(Schedule), Schedule), (nameof(Fee), Fee), (nameof(Bring), Bring), (nameof(Prerequisites), Prerequisites) };
        if (texts.FirstOrDefault(t => t.Item2.Length > TrainingSession.TextMaxLength) is ({ } tooLong, _))
        {
            return new(tooLong, $"说明文字不能超过{TrainingSession.TextMaxLength}个字");
        }

        var unknown = Townships.FirstOrDefault(t => !Pingtang.Domain.Townships.Township.IsKnown(t));
        return unknown is null ? null : new(nameof(Townships), $"「{unknown}」不是平塘县的乡镇");
    }
}

/// <summary>A broken rule of <see cref="TrainingSessionDetails"/>: the property it is about, and what staff read.</summary>
public sealed record SessionProblem(string Detail, string Message);

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("TrainingSessions", t => t.HasCheckConstraint("CK_TrainingSessions_SeatsTaken", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"Seats\""));
        builder.Property(s => s.Place).HasMaxLength(TrainingSession.PlaceMaxLength);
        builder.Property(s => s.Schedule).HasMaxLength(TrainingSession.TextMaxLength);
        builder.Property(s => s.Fee).HasMaxLength(TrainingSession.TextMaxLength);
        builder.Property(s => s.Bring).HasMaxLength(TrainingSession.TextMaxLength);
        builder.Property(s => s.Prerequisites).HasMaxLength(TrainingSession.TextMaxLength);
        builder.PrimitiveCollection(s => s.Townships);
        builder.Property(s => s.ExternalId).HasMaxLength(TrainingSession.ExternalIdMaxLength);
        builder.HasIndex(s => s.ExternalId).IsUnique();
        builder.HasOne(s => s.Course).WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        // Sessions from before stations kept their own were all the county centre's.
        builder.Property(s => s.StationId).HasDefaultValue(Station.CountyCentreId);
        builder.HasOne(s => s.Station).WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.StationId, s.StartsOn });
        builder.HasIndex(s => new { s.CourseId, s.StartsOn });
        builder.Ignore(s => s.IsCancelled);
        builder.Ignore(s => s.SeatsLeft);
    }
}
