using Pingtang.Bot.Staff;
using Pingtang.Domain.Broadcasts;

namespace Pingtang.Bot.Broadcasts;

public static class BroadcastExtensions
{
    /// <summary>
    /// 群发通知 and the 返岗季计划 that drafts them: the domain services, the fan-out and season jobs (registered with the
    /// other recurring jobs) and the console's links.
    /// </summary>
    public static WebApplicationBuilder AddBroadcasts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new StaffLink(BroadcastStaffEndpoints.Path, BroadcastStaffEndpoints.Title, "给选定的务工人员群发通知：起草、查看人数、排期、暂停、继续、取消，发送报告", Order: 60));
        builder.Services.AddScoped<Campaigns>();
        builder.Services.AddScoped<BroadcastJob>();
        builder.Services.AddSingleton(new StaffLink(SeasonPlanEndpoints.Path, SeasonPlanEndpoints.Title, "春节返岗季的群发计划：相对春节的日子、内容和对象，整季预览，自动生成草稿待审核", AdminOnly: true, Order: 61));
        builder.Services.AddScoped<SeasonPlanner>();
        builder.Services.AddScoped<SeasonPlanJob>();
        return builder;
    }
}
