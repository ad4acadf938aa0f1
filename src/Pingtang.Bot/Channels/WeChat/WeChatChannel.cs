using Pingtang.Bot.Channels.Addresses;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// The WeChat Official Account (微信公众号) channel: <c>/api/wechat</c> (<see cref="WeChatEndpoint"/>), where WeChat's
/// server delivers the workers' messages, each once (<see cref="WeChatInbox"/>), and takes the passive reply; the
/// adapter that runs their turns and sends proactive messages; its settings (<see cref="WeChatOptions"/>); the shared
/// access_token (<see cref="WeChatTokens"/>) and the API client (<see cref="WeChatApi"/>), calling
/// <c>WeChat:ApiBaseUrl</c>. Without <c>WeChat:Token</c> and <c>WeChat:AppId</c> the endpoint answers 404.
/// </summary>
public static class WeChatChannel
{
    /// <summary>The HttpClient factory's name for calls to WeChat; its log categories are <c>System.Net.Http.HttpClient.WeChat.*</c>.</summary>
    public const string HttpClientName = "WeChat";

    /// <summary>WeChat answers in well under a second; a call still waiting after this is not going to help a worker.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    // Settings are read when the services are built, not here: test hosts add theirs after Program has run.
    public static WebApplicationBuilder AddWeChat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(sp => WeChatOptions.From(sp.GetRequiredService<IConfiguration>()));
        // A name, not a typed client: both users are singletons, and a client made per call takes up the factory's
        // renewed handlers (and DNS) where one kept by a singleton would not.
        services.AddHttpClient(HttpClientName, (sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<WeChatOptions>().ApiBaseUrl;
            http.Timeout = Timeout;
        });
        services.AddSingleton<WeChatTokens>();
        services.AddSingleton<WeChatApi>();
        services.AddSingleton<WeChatInbox>();
        services.AddSingleton<WeChatUsers>();
        services.AddSingleton<WeChatTemplates>();
        services.AddSingleton<WeChatAdapter>();
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<WeChatAdapter>());
        services.AddSingleton<WeChatFiles>();
        services.AddSingleton<WeChatConversations>();
        return builder;
    }

    public static WebApplication MapWeChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Fail at start-up, not at the first worker's message, when a setting is wrong.
        app.Services.GetRequiredService<WeChatOptions>();
        WeChatEndpoint.Map(app);
        return app;
    }
}
