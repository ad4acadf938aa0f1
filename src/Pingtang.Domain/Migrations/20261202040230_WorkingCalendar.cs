using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class WorkingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HolidaySchedules",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidaySchedules", x => x.Year);
                });

            migrationBuilder.InsertData(
                table: "CalendarDays",
                columns: new[] { "Id", "Date", "Kind", "Name" },
                values: new object[,]
                {
                    { 1, new DateOnly(2026, 1, 1), "Holiday", "元旦" },
                    { 2, new DateOnly(2026, 1, 2), "Holiday", "元旦" },
                    { 3, new DateOnly(2026, 1, 3), "Holiday", "元旦" },
                    { 4, new DateOnly(2026, 1, 4), "Workday", "元旦" },
                    { 5, new DateOnly(2026, 2, 14), "Workday", "春节" },
                    { 6, new DateOnly(2026, 2, 15), "Holiday", "春节" },
                    { 7, new DateOnly(2026, 2, 16), "Holiday", "春节" },
                    { 8, new DateOnly(2026, 2, 17), "Holiday", "春节" },
                    { 9, new DateOnly(2026, 2, 18), "Holiday", "春节" },
                    { 10, new DateOnly(2026, 2, 19), "Holiday", "春节" },
                    { 11, new DateOnly(2026, 2, 20), "Holiday", "春节" },
                    { 12, new DateOnly(2026, 2, 21), "Holiday", "春节" },
                    { 13, new DateOnly(2026, 2, 22), "Holiday", "春节" },
                    { 14, new DateOnly(2026, 2, 23), "Holiday", "春节" },
                    { 15, new DateOnly(2026, 2, 28), "Workday", "春节" },
                    { 16, new DateOnly(2026, 4, 4), "Holiday", "清明节" },
                    { 17, new DateOnly(2026, 4, 5), "Holiday", "清明节" },
                    { 18, new DateOnly(2026, 4, 6), "Holiday", "清明节" },
                    { 19, new DateOnly(2026, 5, 1), "Holiday", "劳动节" },
                    { 20, new DateOnly(2026, 5, 2), "Holiday", "劳动节" },
                    { 21, new DateOnly(2026, 5, 3), "Holiday", "劳动节" },
                    { 22, new DateOnly(2026, 5, 4), "Holiday", "劳动节" },
                    { 23, new DateOnly(2026, 5, 5), "Holiday", "劳动节" },
                    { 24, new DateOnly(2026, 5, 9), "Workday", "劳动节" },
                    { 25, new DateOnly(2026, 6, 19), "Holiday", "端午节" },
                    { 26, new DateOnly(2026, 6, 20), "Holiday", "端午节" },
                    { 27, new DateOnly(2026, 6, 21), "Holiday", "端午节" },
                    { 28, new DateOnly(2026, 9, 20), "Workday", "国庆节" },
                    { 29, new DateOnly(2026, 9, 25), "Holiday", "中秋节" },
                    { 30, new DateOnly(2026, 9, 26), "Holiday", "中秋节" },
                    { 31, new DateOnly(2026, 9, 27), "Holiday", "中秋节" },
                    { 32, new DateOnly(2026, 10, 1), "Holiday", "国庆节" },
                    { 33, new DateOnly(2026, 10, 2), "Holiday", "国庆节" },
                    { 34, new DateOnly(2026, 10, 3), "Holiday", "国庆节" },
                    { 35, new DateOnly(2026, 10, 4), "Holiday", "国庆节" },
                    { 36, new DateOnly(2026, 10, 5), "Holiday", "国庆节" },
                    { 37, new DateOnly(2026, 10, 6), "Holiday", "国庆节" },
                    { 38, new DateOnly(2026, 10, 7), "Holiday", "国庆节" },
                    { 39, new DateOnly(2026, 10, 10), "Workday", "国庆节" }
                });

            migrationBuilder.InsertData(
                table: "HolidaySchedules",
                columns: new[] { "Year", "Notice" },
                values: new object[] { 2026, "国务院办公厅关于2026年部分节假日安排的通知" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "HolidaySchedules");
        }
    }
}
