using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Workers;

public static class WorkersExtensions
{
    /// <summary>What features ask of the worker in passing, for the profile: the name, and the phone number when it has none.</summary>
    public static WebApplicationBuilder AddWorkers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<Dialog>(new TextPrompt(WorkerPrompts.Name, Worker.NameMaxLength));
        services.AddSingleton<Dialog, MobileDialog>();
        return builder;
    }
}
