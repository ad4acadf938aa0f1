using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Pingtang.Bot.Channels.Addresses;

namespace Pingtang.Bot.Channels.BotFramework;

public static class BotFrameworkChannel
{
    /// <summary>CloudAdapter with the standard keys: MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId.</summary>
    public static WebApplicationBuilder AddBotFrameworkChannel(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ChannelAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(),
                httpClientFactory: sp.GetService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())));
        builder.Services.AddSingleton<PingtangCloudAdapter>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<PingtangCloudAdapter>());
        return builder;
    }

    public static WebApplication MapBotFrameworkChannel(this WebApplication app)
    {
        app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
        return app;
    }
}
