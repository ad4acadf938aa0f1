using System.Net;
using Microsoft.Data.Sqlite;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>What a load balancer's probes get: <c>/healthz</c> while the process lives, <c>/readyz</c> while what it needs answers.</summary>
[Collection(HangfireCollection.Name)]
public sealed class HealthTests
{
    [Fact]
    public async Task A_started_service_is_alive_and_ready()
    {
        using var host = new PingtangFactory();
        using var client = host.CreateClient();

        var alive = await GetAsync(client, HealthExtensions.AlivePath);
        var ready = await GetAsync(client, HealthExtensions.ReadyPath);

        Assert.Equal((HttpStatusCode.OK, "ok"), alive);
        Assert.Equal((HttpStatusCode.OK, "ok"), ready);
    }

    [Fact]
    public async Task A_probe_to_the_instance_own_address_is_answered_where_AllowedHosts_refuses_that_host()
    {
        using var host = new PingtangFactory(new Dictionary<string, string?> { ["AllowedHosts"] = "jiuye.example.gov.cn" });
        using var client = host.CreateClient();

        var page = await GetAsync(client, "/", "10.0.0.7:8080");
        var ready = await GetAsync(client, HealthExtensions.ReadyPath, "10.0.0.7:8080");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal((HttpStatusCode.OK, "ok"), ready);
    }

    [Fact]
    public async Task When_the_database_cannot_be_opened_the_service_is_alive_but_not_ready_and_says_which_check_failed()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = $"Data Source={Path.Combine(folder, "county.db")}";
        using var host = new PingtangFactory(new Dictionary<string, string?> { ["ConnectionStrings:Pingtang"] = connectionString });
        using var client = host.CreateClient();

        // The database's folder goes away under the running service (a volume unmounted): no new connection opens.
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        var alive = await GetAsync(client, HealthExtensions.AlivePath);
        var ready = await GetAsync(client, HealthExtensions.ReadyPath);

        Assert.Equal((HttpStatusCode.OK, "ok"), alive);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "database: failed"), ready);
        Assert.DoesNotContain(folder, ready.Body, StringComparison.Ordinal);
    }

    /// <remarks>
    /// Not tested: Hangfire's SQLite storage failing under a running service. Its pooled connections keep reading a
    /// file overwritten or deleted under them (only writes fail), so no honest fault makes its read fail here; the
    /// check is the same read on PostgreSQL, where a server that is down refuses it.
    /// </remarks>
    [Fact]
    public async Task A_service_that_schedules_jobs_is_ready_when_its_storage_answers_too()
    {
        using var host = new PingtangFactory(new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" });
        using var client = host.CreateClient();

        var ready = await GetAsync(client, HealthExtensions.ReadyPath);

        Assert.Equal((HttpStatusCode.OK, "ok"), ready);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
