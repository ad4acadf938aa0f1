using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Pingtang.Domain.Migrations
{
    /// <inheritdoc />
    public partial class SeasonPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeasonSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OffsetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SendAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeasonSteps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "SeasonSteps",
                columns: new[] { "Id", "Audience", "ChangedAt", "Enabled", "Key", "OffsetDays", "SendAt", "Text", "Title" },
                values: new object[,]
                {
                    { 1, "{\"townships\":[],\"places\":[],\"trades\":[],\"minAge\":null,\"maxAge\":null,\"channelId\":null,\"trip\":\"Any\"}", null, true, "signup-opens", -24, new TimeOnly(10, 0, 0), "【返岗专车报名开始】春节后县里组织返岗专车、专列，直达广州、东莞、深圳等地，座位有限，先报先得。回复「返岗报名」马上报名，也可以帮同村老乡一起报。回复「退订」不再接收此类通知。", "返岗专车报名开始" },
                    { 2, "{\"townships\":[],\"places\":[],\"trades\":[],\"minAge\":null,\"maxAge\":null,\"channelId\":null,\"trip\":\"NotSignedUp\"}", null, true, "signup-reminder", -7, new TimeOnly(10, 0, 0), "【返岗报名提醒】节后返岗专车还有座位。还没报名的老乡，回复「返岗报名」即可报名；已经自己安排好的，不用理会。回复「退订」不再接收此类通知。", "返岗报名提醒（未报名的）" },
                    { 3, "{\"townships\":[],\"places\":[],\"trades\":[],\"minAge\":null,\"maxAge\":null,\"channelId\":null,\"trip\":\"Any\"}", null, true, "job-fair", 9, new TimeOnly(10, 0, 0), "【春风行动招聘会】节后县里举办招聘会，上百家企业现场招工。回复「岗位」可以先在手机上看岗位。回复「退订」不再接收此类通知。", "节后招聘会" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeasonSteps_Key",
                table: "SeasonSteps",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeasonSteps");
        }
    }
}
