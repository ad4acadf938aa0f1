using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class AddReturnTrips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReturnTrips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DestinationCity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DepartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DepartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatsTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    SignUpBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeaderName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LeaderPhone = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BoardingKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnTrips", x => x.Id);
                    table.CheckConstraint("CK_ReturnTrips_SeatsTaken", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"Seats\"");
                    table.ForeignKey(
                        name: "FK_ReturnTrips_Stations_StationId",
                        column: x => x.StationId,
                        principalTable: "Stations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PickupPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TripId = table.Column<int>(type: "INTEGER", nullable: false),
                    Township = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Time = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PickupPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PickupPoints_ReturnTrips_TripId",
                        column: x => x.TripId,
                        principalTable: "ReturnTrips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TripBookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TripId = table.Column<int>(type: "INTEGER", nullable: false),
                    PickupPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ByLeader = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SeatCount = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TripBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TripBookings_PickupPoints_PickupPointId",
                        column: x => x.PickupPointId,
                        principalTable: "PickupPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TripBookings_ReturnTrips_TripId",
                        column: x => x.TripId,
                        principalTable: "ReturnTrips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TripBookings_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Travellers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    IdNumberCiphertext = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    BoardedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Travellers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Travellers_TripBookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "TripBookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Travellers_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PickupPoints_TripId",
                table: "PickupPoints",
                column: "TripId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnTrips_BoardingKey",
                table: "ReturnTrips",
                column: "BoardingKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReturnTrips_DepartsOn_DestinationCity",
                table: "ReturnTrips",
                columns: new[] { "DepartsOn", "DestinationCity" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnTrips_ExternalId",
                table: "ReturnTrips",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReturnTrips_StationId_DepartsOn",
                table: "ReturnTrips",
                columns: new[] { "StationId", "DepartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Travellers_BookingId",
                table: "Travellers",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_Travellers_Mobile",
                table: "Travellers",
                column: "Mobile");

            migrationBuilder.CreateIndex(
                name: "IX_Travellers_WorkerId",
                table: "Travellers",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_Code",
                table: "TripBookings",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_PickupPointId",
                table: "TripBookings",
                column: "PickupPointId");

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_TripId_Status_Id",
                table: "TripBookings",
                columns: new[] { "TripId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_TripId_WorkerId",
                table: "TripBookings",
                columns: new[] { "TripId", "WorkerId" },
                unique: true,
                filter: "\"Status\" IN ('Confirmed', 'Waiting')");

            migrationBuilder.CreateIndex(
                name: "IX_TripBookings_WorkerId",
                table: "TripBookings",
                column: "WorkerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Travellers");

            migrationBuilder.DropTable(
                name: "TripBookings");

            migrationBuilder.DropTable(
                name: "PickupPoints");

            migrationBuilder.DropTable(
                name: "ReturnTrips");
        }
    }
}
