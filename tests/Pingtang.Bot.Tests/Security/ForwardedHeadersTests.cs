using System.Net;
using System.Net.Http.Json;
using Pingtang.Bot.Channels.BotFramework;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy or load balancer (<c>Proxy:KnownProxies</c>, <c>Proxy:KnownNetworks</c>): what the
/// phone sees — <c>wss://</c> stream URLs, a token limit of its own — and what nobody else may make of the headers.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    [Fact]
    public async Task Behind_a_known_proxy_the_stream_url_says_wss()
    {
        using var host = Host(new() { [ProxyExtensions.KnownProxiesKey] = "10.0.0.9, 10.0.0.5" }, Proxy);

        var streamUrl = await StreamUrlAsync(host, ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"));

        Assert.StartsWith("wss://localhost/v3/directline/conversations/", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_web_chat_cookie_is_sent_only_over_https()
    {
        using var host = Host(new() { [ProxyExtensions.KnownProxiesKey] = "10.0.0.5" }, Proxy);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Contains("; secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_known_network_each_phone_has_a_token_limit_of_its_own()
    {
        using var host = Host(new() { [ProxyExtensions.KnownNetworksKey] = "10.0.0.0/8", ["DirectLine:TokenRequestsPerMinute"] = "3" }, Proxy);

        var first = await TokenStatusesAsync(host, "203.0.113.7", 4);
        var second = await TokenStatusesAsync(host, "203.0.113.8", 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_sender_that_is_not_a_known_proxy_change_nothing()
    {
        using var host = Host(new() { [ProxyExtensions.KnownProxiesKey] = "10.0.0.5", ["DirectLine:TokenRequestsPerMinute"] = "3" }, IPAddress.Parse("203.0.113.50"));

        var streamUrl = await StreamUrlAsync(host, ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"));
        // A new made-up address each time: the sender's own address still counts them all.
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            statuses.AddRange(await TokenStatusesAsync(host, $"198.51.100.{i}", 1));
        }

        Assert.StartsWith("ws://", streamUrl, StringComparison.Ordinal);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Without_proxy_settings_forwarded_headers_change_nothing()
    {
        using var host = Host([], Proxy);

        var streamUrl = await StreamUrlAsync(host, ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"));

        Assert.StartsWith("ws://", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_a_proxy_on_this_machine_forwards_as_127_0_0_1_is_not_the_local_emulator()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var host = Host(new() { [ProxyExtensions.KnownProxiesKey] = "127.0.0.1" }, IPAddress.Loopback);
        using var client = host.CreateClient();

        using var forwarded = new HttpRequestMessage(HttpMethod.Post, BotFrameworkChannel.Path) { Content = JsonContent.Create(connector.Message("f1", "conv-f", "帮助")) };
        forwarded.Headers.Add("X-Forwarded-For", "127.0.0.1");
        forwarded.Headers.Add("X-Forwarded-Proto", "https");
        using var refused = await client.SendAsync(forwarded);
        using var local = await client.PostAsJsonAsync(BotFrameworkChannel.Path, connector.Message("l1", "conv-l", "帮助"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(local.IsSuccessStatusCode, $"{local.StatusCode}");
    }

    [Theory]
    [InlineData("Proxy:KnownProxies", "10.0.0.0/8", "Proxy:KnownProxies has \"10.0.0.0/8\", which is not right; it must be IP addresses separated by commas")]
    [InlineData("Proxy:KnownProxies", "10.0.0.5;10.0.0.6", "Proxy:KnownProxies has \"10.0.0.5;10.0.0.6\", which is not right")]
    [InlineData("Proxy:KnownProxies", "proxy.internal, 10.0.0.5, 10.0.0.300", "Proxy:KnownProxies has \"proxy.internal\", \"10.0.0.300\", which are not right")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.5", "Proxy:KnownNetworks has \"10.0.0.5\", which is not right; it must be CIDR ranges separated by commas, such as 10.0.0.0/8")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.1/8", "Proxy:KnownNetworks has \"10.0.0.1/8\", which is not right")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.0/33", "Proxy:KnownNetworks has \"10.0.0.0/33\", which is not right")]
    public void A_wrong_proxy_setting_stops_the_start_naming_it(string key, string value, string message)
    {
        using var host = Host(new() { [key] = value }, Proxy);

        var wrong = Assert.Throws<WrongSettingsException>(() => host.CreateClient());

        Assert.StartsWith(message, Assert.Single(wrong.Problems), StringComparison.Ordinal);
    }

    private static PingtangFactory Host(Dictionary<string, string?> settings, IPAddress from)
    {
        var host = DirectLineKit.Host(settings: settings);
        host.ClientAddress = from;
        return host;
    }

    private static async Task<string> StreamUrlAsync(PingtangFactory host, params (string Name, string Value)[] headers)
    {
        using var client = host.CreateClient();
        foreach (var (name, value) in headers)
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        return (await new DirectLineKit(client).StartAsync()).StreamUrl!;
    }

    private static async Task<List<HttpStatusCode>> TokenStatusesAsync(PingtangFactory host, string phone, int times)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", phone);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var response = await client.PostAsync("/api/directline/token", content: null);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
