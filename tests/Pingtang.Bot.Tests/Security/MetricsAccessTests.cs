using System.Net;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Security;

/// <summary>/metrics is for Prometheus on this machine or an allowed network, and for nobody on the internet.</summary>
public sealed class MetricsAccessTests : IDisposable
{
    private readonly PingtangFactory _factory = new();

    [Fact]
    public async Task Only_this_machine_and_the_allowed_networks_may_read_the_metrics()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);

        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "198.51.100.9" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(viaProxy)).StatusCode);

        _factory.ClientAddress = IPAddress.Parse("198.51.100.9");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);

        using var allowing = new PingtangFactory(new Dictionary<string, string?> { [MetricsAccess.AllowedNetworksKey] = "10.0.0.0/8, 198.51.100.0/24" })
        {
            ClientAddress = IPAddress.Parse("198.51.100.9"),
        };
        var response = await allowing.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pingtang_handoffs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prometheus_scraping_an_instance_at_its_own_address_is_served_whatever_AllowedHosts_says()
    {
        using var host = new PingtangFactory(new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "jiuye.example.gov.cn",
            [MetricsAccess.AllowedNetworksKey] = "10.20.0.0/16",
        })
        {
            ClientAddress = IPAddress.Parse("10.20.0.9"),
        };
        var client = host.CreateClient();

        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = "10.20.0.5:5000" } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(scrape)).StatusCode);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "10.20.0.5:5000" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(page)).StatusCode);

        // A proxy in the allowed network passes on requests from anywhere: refused.
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = "10.20.0.5:5000" } };
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.50");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(proxied)).StatusCode);
    }

    [Fact]
    public void A_network_that_is_not_CIDR_stops_the_service_with_a_message_naming_it()
    {
        using var factory = new PingtangFactory(new Dictionary<string, string?> { [MetricsAccess.AllowedNetworksKey] = "10.0.0.0/8, 10.0.0.300/24" });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("10.0.0.300/24", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
