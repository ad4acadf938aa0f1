using System.Net;
using System.Net.NetworkInformation;

namespace Pingtang.Bot.Hosting;

/// <summary>
/// What counts as this machine: for doors that stay open only to programs running on it (the Bot Framework Emulator),
/// and for addresses the service may put in the URLs it hands out.
/// </summary>
public static class ThisMachine
{
    /// <summary>
    /// Headers a reverse proxy adds: a request that carries one came from elsewhere, whatever its socket says. The
    /// <c>X-Original-…</c> ones are what the forwarded-headers middleware leaves when it has believed a known proxy
    /// (<see cref="ProxyExtensions"/>) and taken its <c>X-Forwarded-…</c> away: the address it then shows is the
    /// proxy's word, not a socket on this machine.
    /// </summary>
    private static readonly string[] ProxyHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP", "X-Original-For", "X-Original-Proto"];

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>A request from a program on this machine, not one that a proxy on this machine passes on.</summary>
    public static bool IsLocalRequest(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return IsLoopback(http.Connection.RemoteIpAddress) && !CameThroughProxy(http);
    }

    /// <summary>A request that carries a header a reverse proxy adds: its socket's address is the proxy's, not the client's.</summary>
    public static bool CameThroughProxy(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return ProxyHeaders.Any(http.Request.Headers.ContainsKey);
    }

    /// <summary>An http(s) URL on this machine's loopback (<c>localhost</c>, 127.0.0.0/8, <c>[::1]</c>).</summary>
    public static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.IsLoopback;

    /// <summary>
    /// A host name or address this machine answers to: loopback, its own name, or an address of one of its network
    /// interfaces (addresses change with DHCP, so they are read again now and then).
    /// </summary>
    public static bool IsOwnHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return IsLoopback(address) || InterfaceAddresses().Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        }

        return host.Equals(Dns.GetHostName(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The interfaces' addresses, read again at most every minute: the chat page asks on every load.</summary>
    private static HashSet<IPAddress> InterfaceAddresses()
    {
        var known = _interfaceAddresses;
        if (known is not null && Environment.TickCount64 - known.ReadAt < 60_000)
        {
            return known.Addresses;
        }

        HashSet<IPAddress> addresses =
        [
            .. NetworkInterface.GetAllNetworkInterfaces()
                .Where(i => i.OperationalStatus == OperationalStatus.Up)
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address),
        ];
        _interfaceAddresses = new(addresses, Environment.TickCount64);
        return addresses;
    }

    private static InterfaceSnapshot? _interfaceAddresses;

    private sealed record InterfaceSnapshot(HashSet<IPAddress> Addresses, long ReadAt);
}
