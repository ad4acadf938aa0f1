using Pingtang.Bot.Dialogs;

namespace Pingtang.Bot.Workers;

public static class WorkersExtensions
{
    /// <summary>What any feature asks of the worker in passing, keeping the profile: the phone number when it has none.</summary>
    public static WebApplicationBuilder AddWorkers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Dialog, MobileDialog>();
        return builder;
    }
}
