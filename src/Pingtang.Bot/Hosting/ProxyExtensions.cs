using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Behind a reverse proxy or load balancer: <c>Proxy:KnownProxies</c> (IP addresses) and <c>Proxy:KnownNetworks</c>
/// (CIDR ranges such as <c>10.0.0.0/8</c>), comma-separated, name the senders whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed, so the client address (rate limits, lockouts) is the phone's and the scheme
/// (<c>wss://</c> stream URLs, secure cookies) is the one the phone used. <c>X-Forwarded-Host</c> is never read: the
/// host comes from <c>PublicBaseUrl</c> and <c>AllowedHosts</c>, not from a header anyone can send. With neither
/// setting, forwarded headers change nothing.
/// </summary>
public static class ProxyExtensions
{
    public const string KnownProxiesKey = "Proxy:KnownProxies";

    public const string KnownNetworksKey = "Proxy:KnownNetworks";

    // Settings are read when the services are built, not here: test hosts add theirs after Program has run.
    public static WebApplicationBuilder AddKnownProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var (proxies, networks) = Read(new SettingsReader(configuration));
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; only what the operator named is a proxy here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            // A load balancer in front of a proxy: each hop is believed only while the one that passed it on is known.
            options.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>First in the pipeline, before anything reads the scheme or the client address.</summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        // Without known senders the middleware would believe anyone: leave it out.
        var (proxies, networks) = Read(new SettingsReader(app.Configuration));
        if (proxies.Count > 0 || networks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>The known senders; a wrong entry is noted on <paramref name="settings"/> and left out.</summary>
    internal static (List<IPAddress> Proxies, List<IPNetwork> Networks) Read(SettingsReader settings) =>
        (settings.List<IPAddress>(KnownProxiesKey, "IP addresses separated by commas, such as 10.0.0.5,10.0.0.6", ParseAddress),
         settings.List<IPNetwork>(KnownNetworksKey, "CIDR ranges separated by commas, such as 10.0.0.0/8", ParseNetwork));

    // A bare address here, a range in KnownNetworks: an operator who mixes them up is told so.
    private static bool ParseAddress(string text, [MaybeNullWhen(false)] out IPAddress address)
    {
        address = null;
        return !text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out address);
    }

    // 10.0.0.1/8 reads as 10.0.0.0/8, which may not be what was meant (one machine?): say so rather than guess.
    internal static bool ParseNetwork(string text, out IPNetwork network) =>
        IPNetwork.TryParse(text, out network) && IPAddress.TryParse(text.Split('/')[0], out var written) && network.BaseAddress.Equals(written);
}
