using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Bot.Hosting.Migrations
{
    /// <inheritdoc />
    public partial class DirectLineClientActivityId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientActivityId",
                table: "DirectLineActivities",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectLineActivities_ConversationId_ClientActivityId",
                table: "DirectLineActivities",
                columns: new[] { "ConversationId", "ClientActivityId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DirectLineActivities_ConversationId_ClientActivityId",
                table: "DirectLineActivities");

            migrationBuilder.DropColumn(
                name: "ClientActivityId",
                table: "DirectLineActivities");
        }
    }
}
