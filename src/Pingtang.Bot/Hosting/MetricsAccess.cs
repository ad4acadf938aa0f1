using System.Net;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// Who may read <c>/metrics</c>: programs on this machine (<see cref="ThisMachine.IsLocalRequest"/>), and clients in
/// the networks of <c>Metrics:AllowedNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>, comma- or semicolon-separated) — where
/// Prometheus runs. The numbers it shows (workers waiting, campaigns under way) are the county's business, not the
/// internet's.
/// </summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> networks)
{
    public const string AllowedNetworksKey = "Metrics:AllowedNetworks";

    public IReadOnlyList<IPNetwork> Networks => networks;

    /// <summary>The setting read; a network that is not CIDR stops the service at start with one message naming it.</summary>
    public static MetricsAccess From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var networks = new List<IPNetwork>();
        foreach (var text in (configuration[AllowedNetworksKey] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            networks.Add(IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"{AllowedNetworksKey}: 「{text}」 is not a network in CIDR notation, e.g. 10.0.0.0/8 or fd00::/8."));
        }

        return new(networks);
    }

    public bool Allows(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ThisMachine.IsLocalRequest(http))
        {
            return true;
        }

        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(address));
    }
}
