using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class Handoffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Handoffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Ending = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExternalConversationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handoffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Handoffs_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Handoffs_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Handoffs_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HelpRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: true),
                    HandoffId = table.Column<int>(type: "INTEGER", nullable: true),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Word = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpRatings_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HelpRatings_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChatMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HandoffId = table.Column<int>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Attachment_Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Attachment_ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Attachment_ContentUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatMessages_Handoffs_HandoffId",
                        column: x => x.HandoffId,
                        principalTable: "Handoffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessages_HandoffId_Id",
                table: "ChatMessages",
                columns: new[] { "HandoffId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessages_HandoffId_SourceId",
                table: "ChatMessages",
                columns: new[] { "HandoffId", "SourceId" },
                unique: true,
                filter: "\"SourceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_ComplaintId",
                table: "Handoffs",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_ExternalConversationId",
                table: "Handoffs",
                column: "ExternalConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_StationId_State",
                table: "Handoffs",
                columns: new[] { "StationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_WorkerId",
                table: "Handoffs",
                column: "WorkerId",
                unique: true,
                filter: "\"State\" <> 'Ended'");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRatings_StationId_AnsweredAt",
                table: "HelpRatings",
                columns: new[] { "StationId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRatings_WorkerId_AskedAt",
                table: "HelpRatings",
                columns: new[] { "WorkerId", "AskedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatMessages");

            migrationBuilder.DropTable(
                name: "HelpRatings");

            migrationBuilder.DropTable(
                name: "Handoffs");
        }
    }
}
