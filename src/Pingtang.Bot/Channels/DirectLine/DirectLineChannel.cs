using Microsoft.Extensions.DependencyInjection.Extensions;
using Pingtang.Bot.Channels.Addresses;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// The built-in Direct Line 3.0 channel (<c>/v3/directline</c>), so the bot works with no cloud account, and the
/// web chat page at <c>/</c> with its token endpoint. Keys: <c>DirectLine:Secret</c> (generated when unset, see <see cref="GeneratedSecrets"/>),
/// <c>DirectLine:TokenRequestsPerMinute</c> (per client address, default 30).
/// </summary>
public static class DirectLineChannel
{
    public const string SecretKey = "DirectLine:Secret";

    private const string GeneratedSecretName = "directline-secret";
    private const int MinimumSecretLength = 32;

    // Settings are read when the services are built, not here: test hosts add theirs after Program has run.
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<GeneratedSecrets>();
        builder.Services.AddSingleton(sp => new DirectLineTokens(
            SettingsReader.Read(sp.GetRequiredService<IConfiguration>(), Secret) ?? GeneratedSecret(sp.GetRequiredService<GeneratedSecrets>()),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<DirectLineStreams>();
        builder.Services.AddSingleton<IDatabaseNotificationHandler, DirectLineWakeUps>();
        builder.Services.AddSingleton<DirectLineStore>();
        builder.Services.AddSingleton<DirectLineAdapter>();
        builder.Services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<DirectLineAdapter>());
        builder.Services.AddSingleton<DirectLineConversations>();
        builder.Services.AddTokenRateLimit();
        builder.Services.AddPageCompression();
        return builder;
    }

    public static WebApplication MapDirectLine(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<PublicAddress>().IsConfigured)
        {
            app.Logger.LogInformation(
                "{Key} is not set: Direct Line gives stream URLs only for this machine's own names and addresses; set it to the address workers use (e.g. https://jiuye.example.gov.cn)",
                PublicAddress.BaseUrlKey);
        }

        app.UseWebChatPage();
        app.UseWebSockets();
        app.UseRateLimiter();
        app.MapDirectLineApi();
        app.MapWebChatToken();
        return app;
    }

    /// <summary>The configured secret, null when there is none; one too short is noted on <paramref name="settings"/>.</summary>
    internal static string? Secret(SettingsReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configured = settings.Text(SecretKey);
        if (configured is { Length: < MinimumSecretLength })
        {
            // Its length only: the value is the secret.
            settings.Wrong(SecretKey, $"has {configured.Length} characters; it must have at least {MinimumSecretLength} (or be unset, and one is generated).");
        }

        return configured;
    }

    private static string GeneratedSecret(GeneratedSecrets secrets) =>
        secrets.GetOrCreate(GeneratedSecretName, () => DirectLineStore.NewId() + DirectLineStore.NewId());
}
