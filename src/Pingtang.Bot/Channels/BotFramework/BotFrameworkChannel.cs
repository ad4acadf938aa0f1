using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c> through CloudAdapter, with the standard keys: MicrosoftAppType, MicrosoftAppId,
/// MicrosoftAppPassword, MicrosoftAppTenantId. With no app id it is the door of the Bot Framework Emulator on this
/// machine only (<c>BotFramework:AllowLocalEmulator</c>, default true, closes it altogether when false).
/// </summary>
public static class BotFrameworkChannel
{
    public const string Path = "/api/messages";

    /// <summary>An activity from a channel is a few KB; Teams, the largest, caps a message near 100 KB.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>How long a reply may wait on a channel's connector before the turn gives up on it.</summary>
    public const string ConnectorTimeoutKey = "BotFramework:ConnectorTimeoutSeconds";

    public static WebApplicationBuilder AddBotFrameworkChannel(this WebApplicationBuilder builder)
    {
        // Pooled handlers for the connector calls; without a factory the SDK makes a new HttpClient for every turn.
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ChannelAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            TimeSpan.FromSeconds(sp.GetRequiredService<IConfiguration>().GetValue(ConnectorTimeoutKey, 10)),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<PingtangCloudAdapter>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<PingtangCloudAdapter>());
        return builder;
    }

    public static WebApplication MapBotFrameworkChannel(this WebApplication app)
    {
        var anonymous = string.IsNullOrEmpty(app.Configuration["MicrosoftAppId"]);
        var openToEmulator = anonymous && app.Configuration.GetValue("BotFramework:AllowLocalEmulator", true);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotFrameworkChannel));
        if (openToEmulator)
        {
            logger.LogInformation("{Path}: MicrosoftAppId is not set, so only the Bot Framework Emulator on this machine may use it (requests from loopback whose serviceUrl is on loopback)", Path);
        }
        else if (anonymous)
        {
            logger.LogInformation("{Path}: MicrosoftAppId is not set and BotFramework:AllowLocalEmulator is false, so it refuses every request", Path);
        }

        app.MapPost(Path, async (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
        {
            // Without an app id nobody proves who they are, so only a program on this machine may speak.
            if (anonymous && !(openToEmulator && ThisMachine.IsLocalRequest(http)))
            {
                logger.LogInformation("{Path} refused a request from outside this machine: no MicrosoftAppId is set", Path);
                return Results.Problem(
                    "This bot has no MicrosoftAppId: only the Bot Framework Emulator on the bot's own machine may call it.",
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            // CloudAdapter reads the body itself, without a limit of its own: read it first, within ours.
            if (await RequestBody.ReadAtMostAsync(http.Request, MaxBodyBytes, http.RequestAborted) is not { } body)
            {
                logger.LogInformation("{Path} refused a body over {Limit} bytes", Path, MaxBodyBytes);
                return Results.Problem($"The activity is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            http.Request.Body = new MemoryStream(body, writable: false);
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
            return Results.Empty;
        });
        return app;
    }
}
