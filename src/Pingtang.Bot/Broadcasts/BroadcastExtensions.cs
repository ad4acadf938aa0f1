using Pingtang.Bot.Staff;
using Pingtang.Domain.Broadcasts;

namespace Pingtang.Bot.Broadcasts;

public static class BroadcastExtensions
{
    /// <summary>群发通知: the domain service, the fan-out job (its minute run is registered with the other recurring jobs) and the console's link.</summary>
    public static WebApplicationBuilder AddBroadcasts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new StaffLink(BroadcastStaffEndpoints.Path, BroadcastStaffEndpoints.Title, "给选定的务工人员群发通知：起草、查看人数、排期、暂停、继续、取消，发送报告", Order: 60));
        builder.Services.AddScoped<Campaigns>();
        builder.Services.AddScoped<BroadcastJob>();
        return builder;
    }
}
