using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class ServiceHoursAndExtension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.InsertData(
                table: "StationServiceHours",
                columns: new[] { "StationId", "AfternoonCloses", "AfternoonOpens", "FirstResponseMinutes", "MorningCloses", "MorningOpens", "ResolutionWorkingDays", "UrgentFirstResponseMinutes" },
                values: new object[,]
                {
                    { 1, new TimeOnly(17, 30, 0), new TimeOnly(14, 0, 0), 240, new TimeOnly(12, 0, 0), new TimeOnly(9, 0, 0), 15, 60 },
                    { 2, new TimeOnly(17, 30, 0), new TimeOnly(14, 0, 0), 240, new TimeOnly(12, 0, 0), new TimeOnly(9, 0, 0), 15, 60 },
                    { 3, new TimeOnly(17, 30, 0), new TimeOnly(14, 0, 0), 240, new TimeOnly(12, 0, 0), new TimeOnly(9, 0, 0), 15, 60 }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StationServiceHours");

            migrationBuilder.DropColumn(
                name: "InvestigationExtendedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "InvestigationExtendedBy",
                table: "Complaints");
        }
    }
}
