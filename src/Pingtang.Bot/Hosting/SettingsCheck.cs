using System.Data.Common;
using System.Reflection;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Channels.DirectLine;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Outbox;
using Pingtang.Bot.ReturnTrips;
using Pingtang.Bot.Uploads;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Every setting the service reads, checked once at start-up before anything uses one: a wrong one ends the process
/// with one line per wrong key on standard error (the key, what is wrong, what is expected; never a secret's value)
/// and exit code 78 (EX_CONFIG), instead of a stack trace when the first worker's message needs it.
/// </summary>
public static class SettingsCheck
{
    /// <summary>EX_CONFIG of sysexits.h: what a service manager reads as "fix the configuration, do not just restart".</summary>
    public const int WrongSettingsExitCode = 78;

    public static WebApplication SettingsAreRight(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var problems = Problems(app.Configuration);
        if (problems.Count == 0)
        {
            return app;
        }

        // Hosted by something else (the tests' WebApplicationFactory): ending that process is not ours to do.
        if (Assembly.GetEntryAssembly() != typeof(SettingsCheck).Assembly)
        {
            throw new WrongSettingsException(problems);
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        Environment.Exit(WrongSettingsExitCode);
        return app;
    }

    /// <summary>One line per wrong key in <paramref name="configuration"/>; none when all is right.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var settings = new SettingsReader(configuration);
        Storage(settings);
        settings.Number("Dialogs:IdleMinutes", 30, 1);
        settings.Number(ConversationTurnLock.TurnWaitKey, 10, 1);
        settings.Flag("Scheduling:Enabled", true);
        OutboxOptions.From(settings);
        DirectLineChannel.Secret(settings);
        settings.Number("DirectLine:TokenRequestsPerMinute", 30, 1);
        UploadLimits.From(settings);
        settings.Number(TripBoardingEndpoints.PerMinuteKey, 120, 1);
        MicrosoftApp(settings);
        settings.Flag("BotFramework:AllowLocalEmulator", true);
        settings.Number(BotFrameworkChannel.ConnectorTimeoutKey, 10, 1);
        WeChatOptions.From(settings);
        settings.Number(WeChatConversations.PassiveReplyKey, 4.0, 0.0);
        foreach (var kind in configuration.GetSection("WeChat:Templates").GetChildren())
        {
            settings.HttpUrl($"{kind.Path}:Url", "https://jiuye.example.gov.cn/");
        }

        PublicAddress.Read(settings);
        AllowedHosts(settings);
        ProxyExtensions.Read(settings);
        MetricsAccess.From(settings);
        return settings.Problems;
    }

    private static void Storage(SettingsReader settings)
    {
        const string ProviderKey = Database.ProviderSetting;
        const string ConnectionStringKey = $"ConnectionStrings:{Database.ConnectionStringName}";
        var provider = settings.Choice(ProviderKey, "Sqlite", "Postgres");
        if (settings.Text(ConnectionStringKey) is { } connectionString)
        {
            try
            {
                _ = new DbConnectionStringBuilder { ConnectionString = connectionString };
            }
            catch (ArgumentException)
            {
                // Not quoted: a connection string holds the database's password.
                settings.Wrong(ConnectionStringKey, "is not a connection string; it must be key=value pairs separated by semicolons, such as Host=db.example;Database=pingtang;Username=pingtang;Password=….");
            }
        }
        else if (provider == "Postgres")
        {
            settings.Wrong(ConnectionStringKey, $"is not set; with {ProviderKey}=Postgres it must be the server's Npgsql connection string, such as Host=db.example;Database=pingtang;Username=pingtang;Password=….");
        }

        SqliteTuning.Read(settings);
    }

    /// <summary>What the Bot Framework SDK would refuse later, with less to go on (ConfigurationServiceClientCredentialFactory).</summary>
    private static void MicrosoftApp(SettingsReader settings)
    {
        var type = settings.Choice("MicrosoftAppType", "MultiTenant", "SingleTenant", "UserAssignedMSI");
        var appId = settings.Text("MicrosoftAppId");
        var password = settings.Text("MicrosoftAppPassword") is not null;
        var tenant = settings.Text("MicrosoftAppTenantId");
        if (appId is null)
        {
            if (password)
            {
                settings.Wrong("MicrosoftAppPassword", "is set but MicrosoftAppId is not; set both from the Azure Bot's configuration, or neither.");
            }

            return;
        }

        if (!Guid.TryParse(appId, out _))
        {
            settings.Wrong("MicrosoftAppId", $"is \"{appId}\"; it must be the Azure Bot's Microsoft App ID, a GUID such as 6b1f8a9e-5a3c-4a77-9d64-3f0c2d1e8b55.");
        }

        if (type == "UserAssignedMSI" ? password : !password)
        {
            settings.Wrong("MicrosoftAppPassword", type == "UserAssignedMSI"
                ? "must not be set with MicrosoftAppType=UserAssignedMSI: a managed identity has no password."
                : $"is not set; with MicrosoftAppId and MicrosoftAppType={type} it must be the app's client secret.");
        }

        if (type != "MultiTenant" && !Guid.TryParse(tenant, out _))
        {
            settings.Wrong("MicrosoftAppTenantId", $"{(tenant is null ? "is not set" : $"is \"{tenant}\"")}; with MicrosoftAppType={type} it must be the Entra tenant's ID, a GUID.");
        }
    }

    /// <summary>Host filtering compares host names alone: an entry with a scheme, a path or a port never matches, so every request would get 400.</summary>
    private static void AllowedHosts(SettingsReader settings)
    {
        var entries = (settings.Text("AllowedHosts") ?? "*").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var wrong = entries.Where(h => h.Contains('/', StringComparison.Ordinal) || (h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('['))).ToList();
        if (wrong.Count > 0)
        {
            settings.Wrong("AllowedHosts", $"has {string.Join(", ", wrong.Select(h => $"\"{h}\""))}; it must be host names separated by semicolons, without scheme, path or port, such as jiuye.example.gov.cn;*.example.gov.cn, or *.");
        }
    }
}

/// <summary>The start-up check's refusal, where the process is not ours to end (a test host): its lines are the problems.</summary>
public sealed class WrongSettingsException(IReadOnlyList<string> problems)
    : InvalidOperationException(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
