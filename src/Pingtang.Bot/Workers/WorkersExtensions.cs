using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Workers;

public static class WorkersExtensions
{
    /// <summary>
    /// What features ask of the worker in passing, for the profile: the name, and the phone number when it has none;
    /// and the keys that protect ID-card numbers (and the staff cookies), kept in the data folder so that a restart
    /// can still read what was protected before it.
    /// </summary>
    public static WebApplicationBuilder AddWorkers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<Dialog>(new TextPrompt(WorkerPrompts.Name, Worker.NameMaxLength));
        services.AddSingleton<Dialog, MobileDialog>();
        services.AddDataProtection().SetApplicationName("Pingtang");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataFolder, ILoggerFactory>((options, folder, logs) => options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder.File("keys")), logs));
        services.AddSingleton<IIdNumberProtector, DataProtectionIdNumbers>();
        return builder;
    }
}
