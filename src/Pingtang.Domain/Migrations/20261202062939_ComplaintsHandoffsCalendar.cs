using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintsHandoffsCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdNumberCiphertext",
                table: "Complaints",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberMasked",
                table: "Complaints",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvestigationExtendedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvestigationExtendedBy",
                table: "Complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ContentUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "Handoffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Ending = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExternalConversationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                name: "HelpRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: true),
                    HandoffId = table.Column<int>(type: "INTEGER", nullable: true),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Word = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "HolidaySchedules",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidaySchedules", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "StationServiceHours",
                columns: table => new
                {
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MorningOpens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    MorningCloses = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    AfternoonOpens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    AfternoonCloses = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentFirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionWorkingDays = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "ChatMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HandoffId = table.Column<int>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Attachment_Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Attachment_ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Attachment_ContentUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
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
                table: "HolidaySchedules",
                columns: new[] { "Year", "Notice" },
                values: new object[] { 2026, "国务院办公厅关于2026年部分节假日安排的通知" });

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
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "ChatMessages");

            migrationBuilder.DropTable(
                name: "ComplaintEvidence");

            migrationBuilder.DropTable(
                name: "HelpRatings");

            migrationBuilder.DropTable(
                name: "HolidaySchedules");

            migrationBuilder.DropTable(
                name: "StationServiceHours");

            migrationBuilder.DropTable(
                name: "Handoffs");

            migrationBuilder.DropColumn(
                name: "IdNumberCiphertext",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "IdNumberMasked",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "InvestigationExtendedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "InvestigationExtendedBy",
                table: "Complaints");
        }
    }
}
