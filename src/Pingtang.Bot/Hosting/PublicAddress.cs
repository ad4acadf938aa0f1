namespace Pingtang.Bot.Hosting;

/// <summary>
/// The address workers reach the service at, for the absolute URLs it hands out (the Direct Line stream URL).
/// <c>PublicBaseUrl</c> names it (e.g. <c>https://jiuye.example.gov.cn</c>, a path base allowed). Without it the
/// request's own scheme and host are used only when the host is allowed: by <c>AllowedHosts</c> when that is set
/// (the host filter has then refused every other host), or else when it is one of this machine's own names and
/// addresses — never a <c>Host</c> header an outsider made up.
/// </summary>
public sealed class PublicAddress
{
    public const string BaseUrlKey = "PublicBaseUrl";

    private readonly Uri? _configured;

    private readonly bool _hostsFiltered;

    public PublicAddress(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configured = SettingsReader.Read(configuration, Read);
        _hostsFiltered = configuration["AllowedHosts"] is { Length: > 0 } hosts && hosts.Split(';').All(h => h.Trim() != "*");
    }

    /// <summary><c>PublicBaseUrl</c> without its trailing slash; null when unset or wrong (noted on <paramref name="settings"/>).</summary>
    internal static Uri? Read(SettingsReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.HttpUrl(BaseUrlKey, "https://jiuye.example.gov.cn") is { } uri ? new Uri(uri.AbsoluteUri.TrimEnd('/')) : null;
    }

    /// <summary>Whether the operator told us the address, one way or the other.</summary>
    public bool IsConfigured => _configured is not null || _hostsFiltered;

    /// <summary>The base URL for URLs handed out in answer to <paramref name="request"/>; null when its host is not ours.</summary>
    public Uri? BaseFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_configured is not null)
        {
            return _configured;
        }

        if (!request.Host.HasValue || !(_hostsFiltered || ThisMachine.IsOwnHost(request.Host.Host)))
        {
            return null;
        }

        return AsRequested(request);
    }

    /// <summary>
    /// The scheme, host and path base <paramref name="request"/> came to, whatever the host: only for a caller that
    /// has proved who it is (WeChat's server signs with our token), never for an anonymous one.
    /// </summary>
    public static Uri AsRequested(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}");
    }

    /// <summary>The WebSocket URL of <paramref name="path"/> under <paramref name="baseUrl"/>.</summary>
    public static string WebSocketUrl(Uri baseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return $"{WebSocketOrigin(baseUrl)}{baseUrl.AbsolutePath.TrimEnd('/')}{path}";
    }

    /// <summary>The scheme and authority WebSockets under <paramref name="baseUrl"/> have: <c>wss://host</c> for https.</summary>
    public static string WebSocketOrigin(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return $"{(baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws")}://{baseUrl.Authority}";
    }
}
