using Pingtang.Bot.Dialogs;

namespace Pingtang.Bot.Menu;

public static class MenuExtensions
{
    public static WebApplicationBuilder AddMenu(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConversationRoot, RootRouter>();
        return builder;
    }
}
