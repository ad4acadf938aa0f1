using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// The built-in Direct Line 3.0 channel (<c>/v3/directline</c>), so the bot works with no cloud account, and the
/// token endpoint of the web chat page. Keys: <c>DirectLine:Secret</c> (generated into the data folder when unset),
/// <c>DirectLine:TokenRequestsPerMinute</c> (per client address, default 30).
/// </summary>
public static class DirectLineChannel
{
    private const string SecretFile = "directline-secret.txt";
    private const int MinimumSecretLength = 32;

    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["DirectLine:Secret"];
        if (!string.IsNullOrEmpty(configured) && configured.Length < MinimumSecretLength)
        {
            throw new InvalidOperationException($"DirectLine:Secret must have at least {MinimumSecretLength} characters.");
        }

        builder.Services.AddSingleton(sp => new DirectLineTokens(
            string.IsNullOrEmpty(configured)
                ? sp.GetRequiredService<DataFolder>().GetOrCreateSecret(SecretFile, () => DirectLineStore.NewId() + DirectLineStore.NewId())
                : configured,
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<DirectLineStreams>();
        builder.Services.AddSingleton<DirectLineStore>();
        builder.Services.AddSingleton<DirectLineAdapter>();
        builder.Services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<DirectLineAdapter>());
        builder.Services.AddSingleton<DirectLineConversations>();
        builder.Services.AddTokenRateLimit(builder.Configuration.GetValue("DirectLine:TokenRequestsPerMinute", 30));
        return builder;
    }

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseRateLimiter();
        app.MapDirectLineApi();
        app.MapWebChatToken();
        return app;
    }
}
