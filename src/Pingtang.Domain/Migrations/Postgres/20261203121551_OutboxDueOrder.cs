using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Domain.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxDueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_State_NotBefore",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_State_NotBefore_Id",
                table: "Outbox",
                columns: new[] { "State", "NotBefore", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_State_NotBefore_Id",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_State_NotBefore",
                table: "Outbox",
                columns: new[] { "State", "NotBefore" });
        }
    }
}
