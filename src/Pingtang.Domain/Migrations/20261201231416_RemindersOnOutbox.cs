using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class RemindersOnOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reminders the ledger holds for sessions still to come become sent outbox messages under their keys, so
            // a deploy on a reminder day does not remind those workers twice. The text was not kept; staff see none.
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "Outbox" ("WorkerId", "Kind", "Purpose", "Key", "Text", "Choices", "CreatedAt", "NotBefore", "State", "Attempts", "SentAt")
                SELECT e."WorkerId", '培训提醒', 'Practical', 'training-reminder:' || r."EnrolmentId" || ':' || replace(r."StartsOn", '-', ''), '', '[]', r."SentAt", r."SentAt", 'Sent', 1, r."SentAt"
                FROM "SessionReminders" AS r JOIN "Enrolments" AS e ON e."Id" = r."EnrolmentId"
                WHERE r."StartsOn" >= date('now');
                """);

            migrationBuilder.DropTable(
                name: "SessionReminders");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SessionReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionReminders_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SessionReminders_EnrolmentId_StartsOn",
                table: "SessionReminders",
                columns: new[] { "EnrolmentId", "StartsOn" },
                unique: true);
        }
    }
}
