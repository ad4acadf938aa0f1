using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Pingtang.Domain.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StaffId = table.Column<int>(type: "integer", nullable: true),
                    Account = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Target = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StationId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HolidaySchedules",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Notice = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidaySchedules", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "SeasonSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OffsetDays = table.Column<int>(type: "integer", nullable: false),
                    SendAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Audience = table.Column<string>(type: "text", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeasonSteps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Stations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Location = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Townships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Townships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkerLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Tries = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Workers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Mobile = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    BirthYear = table.Column<int>(type: "integer", nullable: true),
                    HomeTownship = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CurrentCity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Trades = table.Column<List<string>>(type: "text[]", nullable: false),
                    AcceptsReminders = table.Column<bool>(type: "boolean", nullable: false),
                    UnsubscribedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProfileUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    MergedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Choices = table.Column<List<string>>(type: "text[]", nullable: false),
                    Audience = table.Column<string>(type: "text", nullable: false),
                    SendAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<int>(type: "integer", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PlanKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FanOutCursor = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FanOutUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CannedReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedReplies_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintRoutes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Place = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintRoutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintRoutes_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobPostings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Trade = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TradeGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Employer = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Province = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    City = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    District = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MonthlyPayMin = table.Column<int>(type: "integer", nullable: true),
                    MonthlyPayMax = table.Column<int>(type: "integer", nullable: true),
                    DailyPay = table.Column<int>(type: "integer", nullable: true),
                    PayCeiling = table.Column<int>(type: "integer", nullable: false),
                    MealsProvided = table.Column<bool>(type: "boolean", nullable: false),
                    HousingProvided = table.Column<bool>(type: "boolean", nullable: false),
                    AgeMin = table.Column<int>(type: "integer", nullable: true),
                    AgeMax = table.Column<int>(type: "integer", nullable: true),
                    Headcount = table.Column<int>(type: "integer", nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SearchTerms = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobPostings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobPostings_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReturnTrips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DestinationCity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DepartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DepartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Seats = table.Column<int>(type: "integer", nullable: false),
                    SeatsTaken = table.Column<int>(type: "integer", nullable: false),
                    SignUpBy = table.Column<DateOnly>(type: "date", nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LeaderPhone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    Notes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BoardingKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnTrips", x => x.Id);
                    table.CheckConstraint("CK_ReturnTrips_SeatsTaken", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"Seats\"");
                    table.ForeignKey(
                        name: "FK_ReturnTrips_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Account = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: true),
                    PasswordHash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    SessionStamp = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DisabledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSignInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMembers_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StationServiceHours",
                columns: table => new
                {
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    MorningOpens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    MorningCloses = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    AfternoonOpens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    AfternoonCloses = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    UrgentFirstResponseMinutes = table.Column<int>(type: "integer", nullable: false),
                    ResolutionWorkingDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StationServiceHours", x => x.StationId);
                    table.ForeignKey(
                        name: "FK_StationServiceHours_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    ExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Place = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Schedule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Seats = table.Column<int>(type: "integer", nullable: false),
                    SeatsTaken = table.Column<int>(type: "integer", nullable: false),
                    Fee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bring = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgeMin = table.Column<int>(type: "integer", nullable: true),
                    AgeMax = table.Column<int>(type: "integer", nullable: true),
                    Townships = table.Column<List<string>>(type: "text[]", nullable: false),
                    Prerequisites = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnrolBy = table.Column<DateOnly>(type: "date", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.CheckConstraint("CK_TrainingSessions_SeatsTaken", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"Seats\"");
                    table.ForeignKey(
                        name: "FK_TrainingSessions_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    EmployerName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EmployerCreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    EmployerKey = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: true),
                    WorkPlace = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Site = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PeriodWorked = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    AmountOwed = table.Column<decimal>(type: "numeric", nullable: true),
                    WorkersOwed = table.Column<int>(type: "integer", nullable: true),
                    InjuredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Narrative = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    IdNumberCiphertext = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FilerName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UrgentBecause = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    InvestigationExtendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InvestigationExtendedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HelpRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    ComplaintId = table.Column<int>(type: "integer", nullable: true),
                    HandoffId = table.Column<int>(type: "integer", nullable: true),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    Word = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpRatings_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HelpRatings_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobAlerts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobAlerts_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Choices = table.Column<List<string>>(type: "text[]", nullable: false),
                    ChannelData = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LeaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentChannel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SentVia = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OnChannel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    QuietDeferrals = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outbox_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavedSearches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    Query = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedSearches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedSearches_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    JobPostingId = table.Column<int>(type: "integer", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobApplications_JobPostings_JobPostingId",
                        column: x => x.JobPostingId,
                        principalTable: "JobPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobApplications_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PickupPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TripId = table.Column<int>(type: "integer", nullable: false),
                    Township = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Place = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Time = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PickupPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PickupPoints_ReturnTrips_TripId",
                        column: x => x.TripId,
                        principalTable: "ReturnTrips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enrolments_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Enrolments_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ContentUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintEvidence_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintStatusChanges_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Handoffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    StationId = table.Column<int>(type: "integer", nullable: false),
                    ComplaintId = table.Column<int>(type: "integer", nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Holder = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    StaffId = table.Column<int>(type: "integer", nullable: true),
                    StaffName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Ending = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExternalConversationId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handoffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Handoffs_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Handoffs_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Handoffs_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobAlertPostings",
                columns: table => new
                {
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    JobPostingId = table.Column<int>(type: "integer", nullable: false),
                    JobAlertId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobAlertPostings", x => new { x.WorkerId, x.JobPostingId });
                    table.ForeignKey(
                        name: "FK_JobAlertPostings_JobAlerts_JobAlertId",
                        column: x => x.JobAlertId,
                        principalTable: "JobAlerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobAlertPostings_JobPostings_JobPostingId",
                        column: x => x.JobPostingId,
                        principalTable: "JobPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TripBookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TripId = table.Column<int>(type: "integer", nullable: false),
                    PickupPointId = table.Column<int>(type: "integer", nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    ByLeader = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SeatCount = table.Column<int>(type: "integer", nullable: false),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TripBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TripBookings_PickupPoints_PickupPointId",
                        column: x => x.PickupPointId,
                        principalTable: "PickupPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TripBookings_ReturnTrips_TripId",
                        column: x => x.TripId,
                        principalTable: "ReturnTrips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TripBookings_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HandoffId = table.Column<int>(type: "integer", nullable: false),
                    Author = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attachment_Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Attachment_ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Attachment_ContentUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    SourceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatMessages_Handoffs_HandoffId",
                        column: x => x.HandoffId,
                        principalTable: "Handoffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Travellers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookingId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Mobile = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    IdNumberCiphertext = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    WorkerId = table.Column<int>(type: "integer", nullable: true),
                    BoardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Travellers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Travellers_TripBookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "TripBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Travellers_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.InsertData(
                table: "CalendarDays",
                columns: new[] { "Id", "Date", "Kind", "Name" },
                values: new object[,]
                {
                    { 1, new DateOnly(2026, 1, 1), "Holiday", "元旦" },
                    { 2, new DateOnly(2026, 1, 2), "Holiday", "元旦" },
                    { 3, new DateOnly(2026, 1, 3), "Holiday", "元旦" },
                    { 4, new DateOnly(2026, 1, 4), "Workday", "元旦" },
                    { 5, new DateOnly(2026, 2, 14), "Workday", "春节" },
                    { 6, new DateOnly(2026, 2, 15), "Holiday", "春节" },
                    { 7, new DateOnly(2026, 2, 16), "Holiday", "春节" },
                    { 8, new DateOnly(2026, 2, 17), "Holiday", "春节" },
                    { 9, new DateOnly(2026, 2, 18), "Holiday", "春节" },
                    { 10, new DateOnly(2026, 2, 19), "Holiday", "春节" },
                    { 11, new DateOnly(2026, 2, 20), "Holiday", "春节" },
                    { 12, new DateOnly(2026, 2, 21), "Holiday", "春节" },
                    { 13, new DateOnly(2026, 2, 22), "Holiday", "春节" },
                    { 14, new DateOnly(2026, 2, 23), "Holiday", "春节" },
                    { 15, new DateOnly(2026, 2, 28), "Workday", "春节" },
                    { 16, new DateOnly(2026, 4, 4), "Holiday", "清明节" },
                    { 17, new DateOnly(2026, 4, 5), "Holiday", "清明节" },
                    { 18, new DateOnly(2026, 4, 6), "Holiday", "清明节" },
                    { 19, new DateOnly(2026, 5, 1), "Holiday", "劳动节" },
                    { 20, new DateOnly(2026, 5, 2), "Holiday", "劳动节" },
                    { 21, new DateOnly(2026, 5, 3), "Holiday", "劳动节" },
                    { 22, new DateOnly(2026, 5, 4), "Holiday", "劳动节" },
                    { 23, new DateOnly(2026, 5, 5), "Holiday", "劳动节" },
                    { 24, new DateOnly(2026, 5, 9), "Workday", "劳动节" },
                    { 25, new DateOnly(2026, 6, 19), "Holiday", "端午节" },
                    { 26, new DateOnly(2026, 6, 20), "Holiday", "端午节" },
                    { 27, new DateOnly(2026, 6, 21), "Holiday", "端午节" },
                    { 28, new DateOnly(2026, 9, 20), "Workday", "国庆节" },
                    { 29, new DateOnly(2026, 9, 25), "Holiday", "中秋节" },
                    { 30, new DateOnly(2026, 9, 26), "Holiday", "中秋节" },
                    { 31, new DateOnly(2026, 9, 27), "Holiday", "中秋节" },
                    { 32, new DateOnly(2026, 10, 1), "Holiday", "国庆节" },
                    { 33, new DateOnly(2026, 10, 2), "Holiday", "国庆节" },
                    { 34, new DateOnly(2026, 10, 3), "Holiday", "国庆节" },
                    { 35, new DateOnly(2026, 10, 4), "Holiday", "国庆节" },
                    { 36, new DateOnly(2026, 10, 5), "Holiday", "国庆节" },
                    { 37, new DateOnly(2026, 10, 6), "Holiday", "国庆节" },
                    { 38, new DateOnly(2026, 10, 7), "Holiday", "国庆节" },
                    { 39, new DateOnly(2026, 10, 10), "Workday", "国庆节" }
                });

            migrationBuilder.InsertData(
                table: "Courses",
                columns: new[] { "Id", "Name" },
                values: new object[,]
                {
                    { 1, "起重装卸机械操作工" },
                    { 2, "焊工" },
                    { 3, "缝纫技术工" },
                    { 4, "电工" },
                    { 5, "养老护理员" },
                    { 6, "育婴师" },
                    { 7, "家政服务员" },
                    { 8, "网络创业(直播电商)" },
                    { 9, "无人机驾驶员" }
                });

            migrationBuilder.InsertData(
                table: "HolidaySchedules",
                columns: new[] { "Year", "Notice" },
                values: new object[] { 2026, "国务院办公厅关于2026年部分节假日安排的通知" });

            migrationBuilder.InsertData(
                table: "SeasonSteps",
                columns: new[] { "Id", "Audience", "ChangedAt", "Enabled", "Key", "OffsetDays", "SendAt", "Text", "Title" },
                values: new object[,]
                {
                    { 1, "{\"townships\":[],\"places\":[],\"trades\":[],\"minAge\":null,\"maxAge\":null,\"channelId\":null,\"trip\":\"Any\"}", null, true, "signup-opens", -24, new TimeOnly(10, 0, 0), "【返岗专车报名开始】春节后县里组织返岗专车、专列，直达广州、东莞、深圳等地，座位有限，先报先得。回复「返岗报名」马上报名，也可以帮同村老乡一起报。回复「退订」不再接收此类通知。", "返岗专车报名开始" },
                    { 2, "{\"townships\":[],\"places\":[],\"trades\":[],\"minAge\":null,\"maxAge\":null,\"channelId\":null,\"trip\":\"NotSignedUp\"}", null, true, "signup-reminder", -7, new TimeOnly(10, 0, 0), "【返岗报名提醒】节后返岗专车还有座位。还没报名的老乡，回复「返岗报名」即可报名；已经自己安排好的，不用理会。回复「退订」不再接收此类通知。", "返岗报名提醒（未报名的）" },
                    { 3, "{\"townships\":[],\"places\":[],\"trades\":[],\"minAge\":null,\"maxAge\":null,\"channelId\":null,\"trip\":\"Any\"}", null, true, "job-fair", 9, new TimeOnly(10, 0, 0), "【春风行动招聘会】节后县里举办招聘会，上百家企业现场招工。回复「岗位」可以先在手机上看岗位。回复「退订」不再接收此类通知。", "节后招聘会" }
                });

            migrationBuilder.InsertData(
                table: "Stations",
                columns: new[] { "Id", "Location", "Name" },
                values: new object[,]
                {
                    { 1, "贵州省黔南州平塘县 平塘县公共实训基地（含零工市场）", "平塘县就业服务中心" },
                    { 2, "广东省广州市白云区", "广州市白云区劳务协作站" },
                    { 3, "广东省东莞市大朗镇", "东莞市大朗镇劳务协作站" }
                });

            migrationBuilder.InsertData(
                table: "Townships",
                columns: new[] { "Id", "Name" },
                values: new object[,]
                {
                    { 1, "平湖街道" },
                    { 2, "金盆街道" },
                    { 3, "掌布镇" },
                    { 4, "通州镇" },
                    { 5, "大塘镇" },
                    { 6, "克度镇" },
                    { 7, "塘边镇" },
                    { 8, "者密镇" },
                    { 9, "牙舟镇" },
                    { 10, "甲茶镇" },
                    { 11, "卡蒲毛南族乡" }
                });

            migrationBuilder.InsertData(
                table: "ComplaintRoutes",
                columns: new[] { "Id", "Place", "StationId" },
                values: new object[,]
                {
                    { 1, "广州", 2 },
                    { 2, "白云", 2 },
                    { 3, "东莞", 3 },
                    { 4, "大朗", 3 }
                });

            migrationBuilder.InsertData(
                table: "StationServiceHours",
                columns: new[] { "StationId", "AfternoonCloses", "AfternoonOpens", "FirstResponseMinutes", "MorningCloses", "MorningOpens", "ResolutionWorkingDays", "UrgentFirstResponseMinutes" },
                values: new object[,]
                {
                    { 1, new TimeOnly(17, 30, 0), new TimeOnly(14, 0, 0), 240, new TimeOnly(12, 0, 0), new TimeOnly(9, 0, 0), 15, 60 },
                    { 2, new TimeOnly(17, 30, 0), new TimeOnly(14, 0, 0), 240, new TimeOnly(12, 0, 0), new TimeOnly(9, 0, 0), 15, 60 },
                    { 3, new TimeOnly(17, 30, 0), new TimeOnly(14, 0, 0), 240, new TimeOnly(12, 0, 0), new TimeOnly(9, 0, 0), 15, 60 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_At",
                table: "AuditLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_StationId_At",
                table: "AuditLog",
                columns: new[] { "StationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_PlanKey",
                table: "Campaigns",
                column: "PlanKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_State_SendAt",
                table: "Campaigns",
                columns: new[] { "State", "SendAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_StationId",
                table: "Campaigns",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_StationId",
                table: "CannedReplies",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessages_HandoffId_Id",
                table: "ChatMessages",
                columns: new[] { "HandoffId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessages_HandoffId_SourceId",
                table: "ChatMessages",
                columns: new[] { "HandoffId", "SourceId" },
                unique: true,
                filter: "\"SourceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEvidence_ComplaintId",
                table: "ComplaintEvidence",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRoutes_Place",
                table: "ComplaintRoutes",
                column: "Place",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRoutes_StationId",
                table: "ComplaintRoutes",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_EmployerKey_FiledAt",
                table: "Complaints",
                columns: new[] { "EmployerKey", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Number",
                table: "Complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_StationId_Status",
                table: "Complaints",
                columns: new[] { "StationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_WorkerId",
                table: "Complaints",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Year_Sequence",
                table: "Complaints",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintStatusChanges_ComplaintId",
                table: "ComplaintStatusChanges",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_Name",
                table: "Courses",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_Code",
                table: "Enrolments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_SessionId_Status_Id",
                table: "Enrolments",
                columns: new[] { "SessionId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_SessionId_WorkerId",
                table: "Enrolments",
                columns: new[] { "SessionId", "WorkerId" },
                unique: true,
                filter: "\"Status\" IN ('Confirmed', 'Waiting')");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_WorkerId",
                table: "Enrolments",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_ComplaintId",
                table: "Handoffs",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_ExternalConversationId",
                table: "Handoffs",
                column: "ExternalConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_StationId_State",
                table: "Handoffs",
                columns: new[] { "StationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_WorkerId",
                table: "Handoffs",
                column: "WorkerId",
                unique: true,
                filter: "\"State\" <> 'Ended'");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRatings_StationId_AnsweredAt",
                table: "HelpRatings",
                columns: new[] { "StationId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRatings_WorkerId_AskedAt",
                table: "HelpRatings",
                columns: new[] { "WorkerId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobAlertPostings_JobAlertId",
                table: "JobAlertPostings",
                column: "JobAlertId");

            migrationBuilder.CreateIndex(
                name: "IX_JobAlertPostings_JobPostingId",
                table: "JobAlertPostings",
                column: "JobPostingId");

            migrationBuilder.CreateIndex(
                name: "IX_JobAlerts_WorkerId_SentOn",
                table: "JobAlerts",
                columns: new[] { "WorkerId", "SentOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobApplications_JobPostingId_AppliedAt",
                table: "JobApplications",
                columns: new[] { "JobPostingId", "AppliedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobApplications_WorkerId_JobPostingId",
                table: "JobApplications",
                columns: new[] { "WorkerId", "JobPostingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_ExternalId",
                table: "JobPostings",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_Newest",
                table: "JobPostings",
                columns: new[] { "PostedOn", "PayCeiling", "Id", "ClosesOn", "ClosedAt", "AgeMin", "AgeMax", "TradeGroup", "Province", "City", "District", "MealsProvided", "HousingProvided" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_Place",
                table: "JobPostings",
                columns: new[] { "City", "District", "PostedOn", "PayCeiling", "Id", "ClosesOn", "ClosedAt", "AgeMin", "AgeMax" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_StationId",
                table: "JobPostings",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_TradeNewest",
                table: "JobPostings",
                columns: new[] { "TradeGroup", "PostedOn", "PayCeiling", "Id", "ClosesOn", "ClosedAt", "AgeMin", "AgeMax", "Province", "City", "District", "MealsProvided", "HousingProvided" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_CampaignId_State",
                table: "Outbox",
                columns: new[] { "CampaignId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Key",
                table: "Outbox",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_LeaseId",
                table: "Outbox",
                column: "LeaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_State_NotBefore",
                table: "Outbox",
                columns: new[] { "State", "NotBefore" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_WorkerId",
                table: "Outbox",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_PickupPoints_TripId",
                table: "PickupPoints",
                column: "TripId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnTrips_BoardingKey",
                table: "ReturnTrips",
                column: "BoardingKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReturnTrips_DepartsOn_DestinationCity",
                table: "ReturnTrips",
                columns: new[] { "DepartsOn", "DestinationCity" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnTrips_ExternalId",
                table: "ReturnTrips",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReturnTrips_StationId_DepartsOn",
                table: "ReturnTrips",
                columns: new[] { "StationId", "DepartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedSearches_WorkerId_Query",
                table: "SavedSearches",
                columns: new[] { "WorkerId", "Query" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeasonSteps_Key",
                table: "SeasonSteps",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_Account",
                table: "StaffMembers",
                column: "Account",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_StationId",
                table: "StaffMembers",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_Stations_Name",
                table: "Stations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Townships_Name",
                table: "Townships",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_CourseId_StartsOn",
                table: "TrainingSessions",
                columns: new[] { "CourseId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_ExternalId",
                table: "TrainingSessions",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_StationId_StartsOn",
                table: "TrainingSessions",
                columns: new[] { "StationId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Travellers_BookingId",
                table: "Travellers",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_Travellers_Mobile",
                table: "Travellers",
                column: "Mobile");

            migrationBuilder.CreateIndex(
                name: "IX_Travellers_WorkerId",
                table: "Travellers",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_Code",
                table: "TripBookings",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_PickupPointId",
                table: "TripBookings",
                column: "PickupPointId");

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_TripId_Status_Id",
                table: "TripBookings",
                columns: new[] { "TripId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_TripId_WorkerId",
                table: "TripBookings",
                columns: new[] { "TripId", "WorkerId" },
                unique: true,
                filter: "\"Status\" IN ('Confirmed', 'Waiting')");

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_WorkerId",
                table: "TripBookings",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkerLinks_OwnerId_CreatedAt",
                table: "WorkerLinks",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkerLinks_WorkerId",
                table: "WorkerLinks",
                column: "WorkerId",
                unique: true,
                filter: "\"State\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_Mobile",
                table: "Workers",
                column: "Mobile");

            // The job search's keywords (Pingtang.Domain.Jobs.JobTermsOnPostgres): one SQL expression, which the planner
            // inlines, over the array the GIN index holds.
            migrationBuilder.Sql("""
                CREATE FUNCTION job_terms_match(terms text, query text) RETURNS boolean
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN string_to_array(terms, ' ') @> string_to_array(split_part(query, '|', 1), ' ')
                   AND terms LIKE ALL (string_to_array(split_part(query, '|', 2), ' '));
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_JobPostings_SearchTerms" ON "JobPostings" USING gin (string_to_array("SearchTerms", ' '));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION job_terms_match(text, text);");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "CannedReplies");

            migrationBuilder.DropTable(
                name: "ChatMessages");

            migrationBuilder.DropTable(
                name: "ComplaintEvidence");

            migrationBuilder.DropTable(
                name: "ComplaintRoutes");

            migrationBuilder.DropTable(
                name: "ComplaintStatusChanges");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "HelpRatings");

            migrationBuilder.DropTable(
                name: "HolidaySchedules");

            migrationBuilder.DropTable(
                name: "JobAlertPostings");

            migrationBuilder.DropTable(
                name: "JobApplications");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "SavedSearches");

            migrationBuilder.DropTable(
                name: "SeasonSteps");

            migrationBuilder.DropTable(
                name: "StaffMembers");

            migrationBuilder.DropTable(
                name: "StationServiceHours");

            migrationBuilder.DropTable(
                name: "Townships");

            migrationBuilder.DropTable(
                name: "Travellers");

            migrationBuilder.DropTable(
                name: "WorkerLinks");

            migrationBuilder.DropTable(
                name: "Handoffs");

            migrationBuilder.DropTable(
                name: "TrainingSessions");

            migrationBuilder.DropTable(
                name: "JobAlerts");

            migrationBuilder.DropTable(
                name: "JobPostings");

            migrationBuilder.DropTable(
                name: "TripBookings");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "Courses");

            migrationBuilder.DropTable(
                name: "PickupPoints");

            migrationBuilder.DropTable(
                name: "Workers");

            migrationBuilder.DropTable(
                name: "ReturnTrips");

            migrationBuilder.DropTable(
                name: "Stations");
        }
    }
}
