using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>
/// What an operator sees when a setting is wrong: one line per wrong key, naming it, what is wrong and what is
/// expected, and never a secret — and a service that does not start, rather than one that fails at a worker's message.
/// </summary>
public sealed class SettingsCheckTests
{
    [Theory]
    [InlineData("DirectLine:Secret", "short-secret", "DirectLine:Secret has 12 characters; it must have at least 32")]
    [InlineData("Dialogs:IdleMinutes", "0", "Dialogs:IdleMinutes is \"0\"; it must be a whole number 1 or more.")]
    [InlineData("Dialogs:IdleMinutes", "half an hour", "Dialogs:IdleMinutes is \"half an hour\"; it must be a whole number 1 or more.")]
    [InlineData("Dialogs:TurnWaitSeconds", "1.5", "Dialogs:TurnWaitSeconds is \"1.5\"; it must be a whole number 1 or more.")]
    [InlineData("Scheduling:Enabled", "yes", "Scheduling:Enabled is \"yes\"; it must be true or false.")]
    [InlineData("Outbox:QuietHours", "22-8", "Outbox:QuietHours must read like 22:00-08:00 (China time), not \"22-8\".")]
    [InlineData("Outbox:BatchSize", "0", "Outbox:BatchSize is \"0\"; it must be a whole number 1 or more.")]
    [InlineData("Outbox:MessagesPerSecond", "-1", "Outbox:MessagesPerSecond is \"-1\"; it must be a number 0 or more.")]
    [InlineData("Outbox:Channels:wechat:MessagesPerSecond", "fast", "Outbox:Channels:wechat:MessagesPerSecond is \"fast\"; it must be a number 0 or more.")]
    [InlineData("Outbox:Enabled", "on", "Outbox:Enabled is \"on\"; it must be true or false.")]
    [InlineData("DirectLine:TokenRequestsPerMinute", "0", "DirectLine:TokenRequestsPerMinute is \"0\"; it must be a whole number 1 or more.")]
    [InlineData("DirectLine:Uploads:MaxRequestBytes", "1000", "DirectLine:Uploads:MaxRequestBytes is \"1000\"; it must be a whole number 10485760 or more.")]
    [InlineData("DirectLine:Uploads:LinkHours", "0", "DirectLine:Uploads:LinkHours is \"0\"; it must be a whole number 1 or more.")]
    [InlineData("ReturnTrips:BoardingRequestsPerMinute", "-5", "ReturnTrips:BoardingRequestsPerMinute is \"-5\"; it must be a whole number 1 or more.")]
    [InlineData("BotFramework:AllowLocalEmulator", "maybe", "BotFramework:AllowLocalEmulator is \"maybe\"; it must be true or false.")]
    [InlineData("BotFramework:ConnectorTimeoutSeconds", "0", "BotFramework:ConnectorTimeoutSeconds is \"0\"; it must be a whole number 1 or more.")]
    [InlineData("MicrosoftAppType", "Single", "MicrosoftAppType is \"Single\"; it must be MultiTenant or SingleTenant or UserAssignedMSI.")]
    [InlineData("MicrosoftAppId", "pingtang-bot", "MicrosoftAppId is \"pingtang-bot\"; it must be the Azure Bot's Microsoft App ID, a GUID", "MicrosoftAppPassword=p@ss-word-of-the-app")]
    [InlineData("MicrosoftAppId", "6b1f8a9e-5a3c-4a77-9d64-3f0c2d1e8b55", "MicrosoftAppPassword is not set; with MicrosoftAppId and MicrosoftAppType=MultiTenant it must be the app's client secret.")]
    [InlineData("MicrosoftAppTenantId", "contoso", "MicrosoftAppTenantId is \"contoso\"; with MicrosoftAppType=SingleTenant it must be the Entra tenant's ID, a GUID.", "MicrosoftAppType=SingleTenant;MicrosoftAppId=6b1f8a9e-5a3c-4a77-9d64-3f0c2d1e8b55;MicrosoftAppPassword=p@ss-word-of-the-app")]
    [InlineData("MicrosoftAppPassword", "p@ss-word-of-the-app", "MicrosoftAppPassword must not be set with MicrosoftAppType=UserAssignedMSI", "MicrosoftAppType=UserAssignedMSI;MicrosoftAppId=6b1f8a9e-5a3c-4a77-9d64-3f0c2d1e8b55;MicrosoftAppTenantId=0f0e0d0c-0b0a-0908-0706-050403020100")]
    [InlineData("MicrosoftAppPassword", "p@ss-word-of-the-app", "MicrosoftAppPassword is set but MicrosoftAppId is not")]
    [InlineData("WeChat:Token", "ab", "WeChat:Token must be 3 to 32 letters or digits")]
    [InlineData("WeChat:PassiveReplySeconds", "-1", "WeChat:PassiveReplySeconds is \"-1\"; it must be a number 0 or more.")]
    [InlineData("WeChat:Templates:TripReminder:Url", "/trips", "WeChat:Templates:TripReminder:Url must be an absolute http or https URL")]
    [InlineData("PublicBaseUrl", "jiuye.example.gov.cn", "PublicBaseUrl must be an absolute http or https URL without query, such as https://jiuye.example.gov.cn, not \"jiuye.example.gov.cn\".")]
    [InlineData("AllowedHosts", "https://jiuye.example.gov.cn;jiuye.example.gov.cn:443", "AllowedHosts has \"https://jiuye.example.gov.cn\", \"jiuye.example.gov.cn:443\"; it must be host names")]
    [InlineData("Proxy:KnownProxies", "10.0.0.0/8", "Proxy:KnownProxies has \"10.0.0.0/8\", which is not right; it must be IP addresses")]
    [InlineData("Storage:SqliteSynchronous", "OFF", "Storage:SqliteSynchronous is \"OFF\"; it must be NORMAL or FULL.")]
    [InlineData("Storage:Provider", "MySql", "Storage:Provider is \"MySql\"; it must be Sqlite or Postgres.")]
    [InlineData("Storage:Provider", "Postgres", "ConnectionStrings:Pingtang is not set; with Storage:Provider=Postgres it must be the server's Npgsql connection string")]
    [InlineData("ConnectionStrings:Pingtang", "Host=db;Password=hunter2;Database", "ConnectionStrings:Pingtang is not a connection string; it must be key=value pairs separated by semicolons")]
    public void A_wrong_setting_gets_one_line_naming_it_and_what_it_must_be(string key, string value, string line, string rightOthers = "")
    {
        var others = rightOthers.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=')).Select(p => (p[0], p[1]));
        var problems = SettingsCheck.Problems(Settings([(key, value), .. others]));

        var problem = Assert.Single(problems);
        Assert.StartsWith(line, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DirectLine:Secret", "short-secret")]
    [InlineData("MicrosoftAppPassword", "p@ss-word-of-the-app")]
    [InlineData("ConnectionStrings:Pingtang", "Host=db;Password=hunter2;Database")]
    public void A_wrong_secret_is_never_quoted(string key, string value)
    {
        var problem = Assert.Single(SettingsCheck.Problems(Settings((key, value))));

        Assert.DoesNotContain(value, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_start_stops_with_every_wrong_key_at_once_in_one_line_each()
    {
        using var host = new PingtangFactory(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = "short",
            ["Dialogs:IdleMinutes"] = "-3",
            ["WeChat:Token"] = "pingtang2026",
            ["Proxy:KnownNetworks"] = "10.0.0.0/8,192.168.1.1",
        });

        var wrong = Assert.Throws<WrongSettingsException>(() => host.CreateClient());

        Assert.Collection(
            wrong.Problems,
            p => Assert.StartsWith("Dialogs:IdleMinutes is \"-3\"", p, StringComparison.Ordinal),
            p => Assert.StartsWith("DirectLine:Secret has 5 characters", p, StringComparison.Ordinal),
            p => Assert.StartsWith("WeChat:Token is set but WeChat:AppId is not", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Proxy:KnownNetworks has \"192.168.1.1\"", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Right_values_for_every_key_start_the_service()
    {
        var right = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqliteSynchronous"] = "full",
            ["Dialogs:IdleMinutes"] = "45",
            ["Dialogs:TurnWaitSeconds"] = "5",
            ["Scheduling:Enabled"] = "False",
            ["Outbox:QuietHours"] = "21:30-7:00",
            ["Outbox:LeaseSeconds"] = "60",
            ["Outbox:SweepSeconds"] = "0.5",
            ["Outbox:BatchSize"] = "20",
            ["Outbox:Parallelism"] = "4",
            ["Outbox:MessagesPerSecond"] = "0",
            ["Outbox:Channels:wechat:MessagesPerSecond"] = "12.5",
            ["DirectLine:Secret"] = new string('s', 32),
            ["DirectLine:TokenRequestsPerMinute"] = "60",
            ["DirectLine:Uploads:MaxFiles"] = "3",
            ["DirectLine:Uploads:MaxFileBytes"] = "1048576",
            ["DirectLine:Uploads:MaxRequestBytes"] = "1048576",
            ["DirectLine:Uploads:LinkHours"] = "2",
            ["ReturnTrips:BoardingRequestsPerMinute"] = "30",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "6b1f8a9e-5a3c-4a77-9d64-3f0c2d1e8b55",
            ["MicrosoftAppPassword"] = "not-a-real-password",
            ["MicrosoftAppTenantId"] = "0f0e0d0c-0b0a-0908-0706-050403020100",
            ["BotFramework:AllowLocalEmulator"] = "true",
            ["BotFramework:ConnectorTimeoutSeconds"] = "15",
            ["WeChat:Token"] = "pingtang2026",
            ["WeChat:AppId"] = "wx5f0e2a9c3b7d4e61",
            ["WeChat:AppSecret"] = "secret",
            ["WeChat:EncodingAESKey"] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            ["WeChat:ApiBaseUrl"] = "http://127.0.0.1:9/",
            ["WeChat:PassiveReplySeconds"] = "4.5",
            ["WeChat:Templates:TripReminder:TemplateId"] = "tpl-1",
            ["WeChat:Templates:TripReminder:Url"] = "https://jiuye.example.gov.cn/trips",
            ["PublicBaseUrl"] = "https://jiuye.example.gov.cn/chat/",
            ["AllowedHosts"] = "localhost;jiuye.example.gov.cn;*.example.gov.cn",
            ["Proxy:KnownProxies"] = "10.0.0.5, ::1",
            ["Proxy:KnownNetworks"] = "10.0.0.0/8,fd00::/8",
        };
        Assert.Empty(SettingsCheck.Problems(Settings([.. right.Select(p => (p.Key, p.Value!))])));

        using var host = new PingtangFactory(right);
        using var response = await host.CreateClient().GetAsync(HealthExtensions.AlivePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_service_as_a_process_ends_with_code_78_and_the_line_without_a_stack_trace()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output, errors) = await RunServiceAsync("--urls", "http://127.0.0.1:0", $"--Storage:DataFolder={folder}", "--DirectLine:Secret=short", "--Outbox:BatchSize=none");

            Assert.Equal(SettingsCheck.WrongSettingsExitCode, exitCode);
            Assert.Equal(
                ["Outbox:BatchSize is \"none\"; it must be a whole number 1 or more.",
                 "DirectLine:Secret has 5 characters; it must have at least 32 (or be unset, and one is generated)."],
                errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.DoesNotContain("   at ", output + errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output + errors, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>(v.Key, v.Value))).Build();

    /// <summary>The service from its own build output, as the README runs it, until it ends by itself.</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> RunServiceAsync(params string[] arguments)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!);
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Pingtang.Bot.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        }

        var project = Path.Combine(root, "src", "Pingtang.Bot");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(project, "bin", configuration, "net10.0", "Pingtang.Bot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(patience.Token);
        var errors = process.StandardError.ReadToEndAsync(patience.Token);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }
}
