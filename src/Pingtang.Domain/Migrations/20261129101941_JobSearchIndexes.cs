using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class JobSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobPostings_City_TradeGroup",
                table: "JobPostings");

            migrationBuilder.DropIndex(
                name: "IX_JobPostings_ClosesOn",
                table: "JobPostings");

            migrationBuilder.DropIndex(
                name: "IX_JobPostings_District_TradeGroup",
                table: "JobPostings");

            migrationBuilder.DropIndex(
                name: "IX_JobPostings_PostedOn_PayCeiling",
                table: "JobPostings");

            migrationBuilder.DropIndex(
                name: "IX_JobPostings_Province_TradeGroup_PostedOn",
                table: "JobPostings");

            migrationBuilder.DropIndex(
                name: "IX_JobPostings_TradeGroup_PostedOn",
                table: "JobPostings");

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_Newest",
                table: "JobPostings",
                columns: new[] { "PostedOn", "PayCeiling", "Id", "ClosesOn", "ClosedAt", "AgeMin", "AgeMax", "TradeGroup", "Province", "City", "District", "MealsProvided", "HousingProvided" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_TradeNewest",
                table: "JobPostings",
                columns: new[] { "TradeGroup", "PostedOn", "PayCeiling", "Id", "ClosesOn", "ClosedAt", "AgeMin", "AgeMax", "Province", "City", "District", "MealsProvided", "HousingProvided" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobPostings_Newest",
                table: "JobPostings");

            migrationBuilder.DropIndex(
                name: "IX_JobPostings_TradeNewest",
                table: "JobPostings");

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
                name: "IX_JobPostings_PostedOn_PayCeiling",
                table: "JobPostings",
                columns: new[] { "PostedOn", "PayCeiling" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_Province_TradeGroup_PostedOn",
                table: "JobPostings",
                columns: new[] { "Province", "TradeGroup", "PostedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_TradeGroup_PostedOn",
                table: "JobPostings",
                columns: new[] { "TradeGroup", "PostedOn" });
        }
    }
}
