using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class JobPostingsByPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_JobPostings_Place",
                table: "JobPostings",
                columns: new[] { "City", "District", "PostedOn", "PayCeiling", "Id", "ClosesOn", "ClosedAt", "AgeMin", "AgeMax" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobPostings_Place",
                table: "JobPostings");
        }
    }
}
