using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Stations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Townships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Townships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Workers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    HomeTownship = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CurrentCity = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Trades = table.Column<string>(type: "TEXT", nullable: false),
                    AcceptsReminders = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProfileUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workers", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Courses",
                columns: new[] { "Id", "Name" },
                values: new object[,]
                {
                    { 1, "起重装卸机械操作工" },
                    { 2, "焊工" },
                    { 3, "缝纫技术工" },
                    { 4, "电工" },
                    { 5, "养老护理员" },
                    { 6, "育婴师" },
                    { 7, "家政服务员" },
                    { 8, "网络创业(直播电商)" },
                    { 9, "无人机驾驶员" }
                });

            migrationBuilder.InsertData(
                table: "Stations",
                columns: new[] { "Id", "Location", "Name" },
                values: new object[,]
                {
                    { 1, "贵州省黔南州平塘县 平塘县公共实训基地（含零工市场）", "平塘县就业服务中心" },
                    { 2, "广东省广州市白云区", "广州市白云区劳务协作站" },
                    { 3, "广东省东莞市大朗镇", "东莞市大朗镇劳务协作站" }
                });

            migrationBuilder.InsertData(
                table: "Townships",
                columns: new[] { "Id", "Name" },
                values: new object[,]
                {
                    { 1, "平湖街道" },
                    { 2, "金盆街道" },
                    { 3, "掌布镇" },
                    { 4, "通州镇" },
                    { 5, "大塘镇" },
                    { 6, "克度镇" },
                    { 7, "塘边镇" },
                    { 8, "者密镇" },
                    { 9, "牙舟镇" },
                    { 10, "甲茶镇" },
                    { 11, "卡蒲毛南族乡" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Courses_Name",
                table: "Courses",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Stations_Name",
                table: "Stations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Townships_Name",
                table: "Townships",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Workers_Mobile",
                table: "Workers",
                column: "Mobile");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Courses");

            migrationBuilder.DropTable(
                name: "Stations");

            migrationBuilder.DropTable(
                name: "Townships");

            migrationBuilder.DropTable(
                name: "Workers");
        }
    }
}
