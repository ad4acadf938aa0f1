using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintRoutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplaintRoutes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRoutes_Place",
                table: "ComplaintRoutes",
                column: "Place",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRoutes_StationId",
                table: "ComplaintRoutes",
                column: "StationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintRoutes");
        }
    }
}
