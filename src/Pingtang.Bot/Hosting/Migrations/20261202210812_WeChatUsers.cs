using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Bot.Hosting.Migrations
{
    /// <inheritdoc />
    public partial class WeChatUsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WeChatUsers",
                columns: table => new
                {
                    OpenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastMessageAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MessagesSinceLast = table.Column<int>(type: "INTEGER", nullable: false),
                    Following = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatUsers", x => x.OpenId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WeChatUsers");
        }
    }
}
