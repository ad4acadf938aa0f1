using Microsoft.Bot.Builder;

namespace Pingtang.Bot.Dialogs;

public static class DialogsExtensions
{
    /// <summary>The dialog engine: the bot every channel ends in, the dialog set, and the standard prompts.</summary>
    public static WebApplicationBuilder AddDialogs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IBot, DialogBot>();
        services.AddSingleton<DialogSet>();
        services.AddSingleton<Dialog>(new ChoicePrompt(StandardPrompts.Choice));
        services.AddSingleton<Dialog>(new MultiChoicePrompt(StandardPrompts.Choices));
        services.AddSingleton<Dialog>(new ConfirmPrompt(StandardPrompts.Confirm));
        services.AddSingleton<Dialog>(new MobilePrompt(StandardPrompts.Mobile));
        services.AddSingleton<Dialog>(new NumberPrompt(StandardPrompts.Number));
        services.AddSingleton<Dialog>(sp => new DatePrompt(StandardPrompts.Date, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Dialog>(new AttachmentPrompt(StandardPrompts.Attachment));
        return builder;
    }
}
