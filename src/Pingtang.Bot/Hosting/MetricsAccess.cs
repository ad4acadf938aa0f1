using System.Net;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Who may read <c>/metrics</c>: programs on this machine (<see cref="ThisMachine.IsLocalRequest"/>), and clients in
/// the networks of <c>Metrics:AllowedNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>, comma-separated) — where
/// Prometheus runs — that connect directly, not through a proxy. The numbers it shows (workers waiting, campaigns under way) are the county's business, not the
/// internet's.
/// </summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> networks)
{
    public const string AllowedNetworksKey = "Metrics:AllowedNetworks";

    public IReadOnlyList<IPNetwork> Networks => networks;

    public static MetricsAccess From(IConfiguration configuration) => SettingsReader.Read(configuration, From);

    /// <summary>The setting read; a wrong entry is noted on <paramref name="settings"/> for the start-up check.</summary>
    public static MetricsAccess From(SettingsReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.List<IPNetwork>(AllowedNetworksKey, "CIDR ranges separated by commas, such as 10.20.0.0/16,fd00::/8", ProxyExtensions.ParseNetwork));
    }

    public bool Allows(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ThisMachine.IsLocalRequest(http))
        {
            return true;
        }

        // Served ahead of the forwarded headers, so a proxy's own address stands for its clients: Prometheus
        // scrapes each instance directly, and whatever a proxy passes on, even from an allowed network, is refused.
        var address = http.Connection.RemoteIpAddress;
        if (address is null || ThisMachine.CameThroughProxy(http))
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(address));
    }
}
