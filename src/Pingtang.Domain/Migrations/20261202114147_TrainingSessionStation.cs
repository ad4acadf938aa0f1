using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class TrainingSessionStation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StationId",
                table: "TrainingSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_StationId_StartsOn",
                table: "TrainingSessions",
                columns: new[] { "StationId", "StartsOn" });

            // SQLite adds a foreign key only by rebuilding the table, which cannot run in the migration's transaction;
            // there every existing row is the county centre's and only the code writes the column.
            if (!migrationBuilder.IsSqlite())
            {
                migrationBuilder.AddForeignKey(
                    name: "FK_TrainingSessions_Stations_StationId",
                    table: "TrainingSessions",
                    column: "StationId",
                    principalTable: "Stations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                migrationBuilder.DropForeignKey(
                    name: "FK_TrainingSessions_Stations_StationId",
                    table: "TrainingSessions");
            }

            migrationBuilder.DropIndex(
                name: "IX_TrainingSessions_StationId_StartsOn",
                table: "TrainingSessions");

            migrationBuilder.DropColumn(
                name: "StationId",
                table: "TrainingSessions");
        }
    }
}
