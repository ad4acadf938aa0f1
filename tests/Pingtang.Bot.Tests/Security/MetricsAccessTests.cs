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
    public void A_network_that_is_not_CIDR_stops_the_service_with_a_message_naming_it()
    {
        using var factory = new PingtangFactory(new Dictionary<string, string?> { [MetricsAccess.AllowedNetworksKey] = "10.0.0.0/8, 10.0.0.300/24" });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("10.0.0.300/24", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
