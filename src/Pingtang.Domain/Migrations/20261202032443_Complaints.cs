using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EmployerCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    EmployerKey = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    WorkPlace = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Site = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PeriodWorked = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AmountOwed = table.Column<decimal>(type: "TEXT", nullable: true),
                    WorkersOwed = table.Column<int>(type: "INTEGER", nullable: true),
                    InjuredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FilerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UrgentBecause = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
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
                name: "ComplaintStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintStatusChanges");

            migrationBuilder.DropTable(
                name: "Complaints");
        }
    }
}
