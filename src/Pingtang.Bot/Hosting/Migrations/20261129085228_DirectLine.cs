using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Bot.Hosting.Migrations
{
    /// <inheritdoc />
    public partial class DirectLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectLineConversations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectLineConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectLineActivities",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectLineActivities", x => new { x.ConversationId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_DirectLineActivities_DirectLineConversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "DirectLineConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectLineActivities");

            migrationBuilder.DropTable(
                name: "DirectLineConversations");
        }
    }
}
