using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Handoffs;

public static class HandoffsExtensions
{
    /// <summary>
    /// Talking to a person: 「人工」, the gate in the turn pipeline that keeps the bot silent while a person holds the
    /// conversation, and the console's live connection. Shared by the features that escalate (a complaint filed).
    /// The console keeps each station's canned replies and shows the workers' ratings of the help.
    /// </summary>
    public static WebApplicationBuilder AddHandoffs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<HandoffDesk>();
        services.AddScoped<HandoffRequests>();
        services.AddScoped<HandoffQueue>();
        services.AddScoped<CannedReplies>();
        services.AddScoped<HelpRatings>();
        services.AddScoped<IWorkerRows, HandoffWorkerRows>();
        services.AddSingleton(new StaffLink(CannedReplyEndpoints.Path, CannedReplyTexts.Title, CannedReplyTexts.LinkDescription, Order: 11));
        services.AddSingleton(new StaffLink(HelpRatingEndpoints.Path, HelpRatingTexts.Title, HelpRatingTexts.LinkDescription, Order: 12));
        services.AddSingleton<HandoffGate>();
        services.AddSingleton<LiveConsole>();
        services.AddSingleton<IDatabaseNotificationHandler, LiveConsoleRelay>();
        services.AddSingleton<Dialog, HumanDialog>();
        services.AddSignalR(options => options.MaximumReceiveMessageSize = 16 * 1024);
        return builder;
    }

    public static WebApplication MapHandoffs(this WebApplication app)
    {
        app.MapHub<ConsoleHub>(ConsoleHub.Path);
        app.MapConversations();
        app.MapCannedReplies();
        app.MapHelpRatings();
        return app;
    }
}
