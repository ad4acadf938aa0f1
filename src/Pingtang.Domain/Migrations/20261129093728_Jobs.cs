using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class Jobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobPostings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Trade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TradeGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MonthlyPayMin = table.Column<int>(type: "INTEGER", nullable: true),
                    MonthlyPayMax = table.Column<int>(type: "INTEGER", nullable: true),
                    DailyPay = table.Column<int>(type: "INTEGER", nullable: true),
                    PayCeiling = table.Column<int>(type: "INTEGER", nullable: false),
                    MealsProvided = table.Column<bool>(type: "INTEGER", nullable: false),
                    HousingProvided = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgeMin = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeMax = table.Column<int>(type: "INTEGER", nullable: true),
                    Headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SearchTerms = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "JobApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobPostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_JobPostings_City_TradeGroup",
                table: "JobPostings",
                columns: new[] { "City", "TradeGroup" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_ClosesOn",
                table: "JobPostings",
                column: "ClosesOn");

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_District_TradeGroup",
                table: "JobPostings",
                columns: new[] { "District", "TradeGroup" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_ExternalId",
                table: "JobPostings",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_PostedOn_PayCeiling",
                table: "JobPostings",
                columns: new[] { "PostedOn", "PayCeiling" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_Province_TradeGroup_PostedOn",
                table: "JobPostings",
                columns: new[] { "Province", "TradeGroup", "PostedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_StationId",
                table: "JobPostings",
                column: "StationId");

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_TradeGroup_PostedOn",
                table: "JobPostings",
                columns: new[] { "TradeGroup", "PostedOn" });

            // The full-text index of JobPostings.SearchTerms (CJK bigrams), kept in step by triggers so EF Core stays
            // the only writer. A later migration that rebuilds JobPostings drops these triggers: recreate them there.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE JobPostingTerms USING fts5(SearchTerms, content='JobPostings', content_rowid='Id');");
            migrationBuilder.Sql("CREATE TRIGGER JobPostings_Terms_Insert AFTER INSERT ON JobPostings BEGIN INSERT INTO JobPostingTerms(rowid, SearchTerms) VALUES (new.Id, new.SearchTerms); END;");
            migrationBuilder.Sql("CREATE TRIGGER JobPostings_Terms_Delete AFTER DELETE ON JobPostings BEGIN INSERT INTO JobPostingTerms(JobPostingTerms, rowid, SearchTerms) VALUES ('delete', old.Id, old.SearchTerms); END;");
            migrationBuilder.Sql("CREATE TRIGGER JobPostings_Terms_Update AFTER UPDATE OF SearchTerms ON JobPostings BEGIN INSERT INTO JobPostingTerms(JobPostingTerms, rowid, SearchTerms) VALUES ('delete', old.Id, old.SearchTerms); INSERT INTO JobPostingTerms(rowid, SearchTerms) VALUES (new.Id, new.SearchTerms); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER JobPostings_Terms_Update;");
            migrationBuilder.Sql("DROP TRIGGER JobPostings_Terms_Delete;");
            migrationBuilder.Sql("DROP TRIGGER JobPostings_Terms_Insert;");
            migrationBuilder.Sql("DROP TABLE JobPostingTerms;");

            migrationBuilder.DropTable(
                name: "JobApplications");

            migrationBuilder.DropTable(
                name: "JobPostings");
        }
    }
}
