using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Pingtang.Domain.Broadcasts;
using Pingtang.Domain.Calendar;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Outbox;
using Pingtang.Domain.ReturnTrips;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Townships;
using Pingtang.Domain.Training;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain;

/// <summary>The county's data: workers, stations, townships, courses, jobs. The unit of work for every domain service.</summary>
/// <remarks>
/// New migration: <c>dotnet ef migrations add NAME --project src/Pingtang.Domain</c>
/// (<c>dotnet tool restore</c> first). Migrations are applied at start-up.
/// </remarks>
public class PingtangDb : DbContext
{
    public PingtangDb(DbContextOptions<PingtangDb> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="Migrations.Postgres.PostgresPingtangDb"/>, the same model with PostgreSQL's own migrations.</summary>
    protected PingtangDb(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Worker> Workers => Set<Worker>();

    public DbSet<WorkerLink> WorkerLinks => Set<WorkerLink>();

    public DbSet<Station> Stations => Set<Station>();

    public DbSet<Township> Townships => Set<Township>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<JobPosting> JobPostings => Set<JobPosting>();

    public DbSet<JobApplication> JobApplications => Set<JobApplication>();

    public DbSet<JobPostingText> JobPostingTexts => Set<JobPostingText>();

    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    public DbSet<JobAlert> JobAlerts => Set<JobAlert>();

    public DbSet<JobAlertPosting> JobAlertPostings => Set<JobAlertPosting>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ReturnTrip> ReturnTrips => Set<ReturnTrip>();

    public DbSet<PickupPoint> PickupPoints => Set<PickupPoint>();

    public DbSet<TripBooking> TripBookings => Set<TripBooking>();

    public DbSet<Traveller> Travellers => Set<Traveller>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<SeasonStep> SeasonSteps => Set<SeasonStep>();

    public DbSet<ComplaintRoute> ComplaintRoutes => Set<ComplaintRoute>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<Handoff> Handoffs => Set<Handoff>();

    public DbSet<HelpRating> HelpRatings => Set<HelpRating>();

    public DbSet<CannedReply> CannedReplies => Set<CannedReply>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<HolidaySchedule> HolidaySchedules => Set<HolidaySchedule>();

    public DbSet<StationServiceHours> StationServiceHours => Set<StationServiceHours>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PingtangDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcTimestamps(configurationBuilder);

    /// <summary>
    /// Stores every <see cref="DateTimeOffset"/> as a sortable number: SQLite cannot compare or order them as text.
    /// All times are stored in UTC and converted to Asia/Shanghai only for display. (PostgreSQL stores them as its own
    /// <c>timestamptz</c>: <see cref="Migrations.Postgres.PostgresPingtangDb"/>.)
    /// </summary>
    public static void UtcTimestamps(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTimestampConverter>();
}

/// <summary>
/// EF Core's binary form of a time, taken in UTC: that form packs the clock reading with its offset, so its numbers
/// sort by instant only when every value has the same offset, and a clock may hand out +08:00. Values and query
/// parameters both pass through here, so no caller has to remember.
/// </summary>
internal sealed class UtcTimestampConverter() : ValueConverter<DateTimeOffset, long>(v => ToStored(v), v => FromStored(v))
{
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    private static long ToStored(DateTimeOffset value) => Binary.ConvertToProviderTyped(value.ToUniversalTime());

    private static DateTimeOffset FromStored(long value) => Binary.ConvertFromProviderTyped(value);
}

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web host.</summary>
internal sealed class PingtangDbDesignTimeFactory : IDesignTimeDbContextFactory<PingtangDb>
{
    public PingtangDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PingtangDb>().UseSqlite("Data Source=design.db").Options);
}
