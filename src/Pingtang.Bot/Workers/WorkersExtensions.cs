using Pingtang.Bot.Hosting;
using Pingtang.Bot.Dialogs;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Workers;

public static class WorkersExtensions
{
    /// <summary>
    /// What features ask of the worker in passing, for the profile: the name, and the phone number when it has none,
    /// linked with a code when another worker's profile has it; and the keys that protect ID-card numbers (and the
    /// staff cookies), kept (<see cref="SharedKeyRing"/>) so that a restart, or another instance, can still read what
    /// was protected before it.
    /// Each feature registers its own <see cref="IWorkerRows"/>, for the rows a link moves.
    /// </summary>
    public static WebApplicationBuilder AddWorkers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<Dialog>(new TextPrompt(WorkerPrompts.Name, Worker.NameMaxLength));
        services.AddSingleton<Dialog, MobileDialog>();
        services.AddSingleton<Dialog, MobileClaimDialog>();
        services.AddSingleton<Dialog>(new LinkCodePrompt(MobileClaimDialog.CodePrompt));
        services.AddScoped<WorkerLinks>();
        services.AddSharedKeyRing();
        // The keys are kept as the service's other secrets are, readable by the service account alone; an XML
        // encryptor (a certificate, a vault) would only move the question to where its own key lives. Without one the
        // key manager warns at every start, which operators would learn to ignore.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        services.AddSingleton<IIdNumberProtector, DataProtectionIdNumbers>();
        return builder;
    }
}
