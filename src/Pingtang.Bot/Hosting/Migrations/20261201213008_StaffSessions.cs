using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Bot.Hosting.Migrations
{
    /// <inheritdoc />
    public partial class StaffSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StaffSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffSignInAttempts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStartedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffSignInAttempts", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffSessions_ExpiresAt",
                table: "StaffSessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_StaffSignInAttempts_WindowStartedAt",
                table: "StaffSignInAttempts",
                column: "WindowStartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffSessions");

            migrationBuilder.DropTable(
                name: "StaffSignInAttempts");
        }
    }
}
