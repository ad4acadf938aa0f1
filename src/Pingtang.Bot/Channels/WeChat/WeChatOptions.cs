namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// The Official Account's settings, from <c>WeChat:…</c> as the admin console (公众平台 → 设置与开发 → 基本配置) shows
/// them: <c>Token</c>, <c>AppId</c>, <c>AppSecret</c>, <c>EncodingAESKey</c>, and <c>ApiBaseUrl</c> (default
/// <see cref="DefaultApiBaseUrl"/>; tests point it at a loopback fake). A wrong value stops the service at start-up
/// with one message naming it, rather than at the first worker's message.
/// </summary>
public sealed record WeChatOptions
{
    public const string Section = "WeChat";

    public static readonly Uri DefaultApiBaseUrl = new("https://api.weixin.qq.com/");

    /// <summary>The token WeChat signs its calls to <c>/api/wechat</c> with (3 to 32 letters or digits).</summary>
    public string? Token { get; init; }

    public string? AppId { get; init; }

    public string? AppSecret { get; init; }

    /// <summary>The AES key of safe mode (安全模式): 43 letters or digits, 32 bytes once decoded; null in plaintext mode.</summary>
    public string? EncodingAESKey { get; init; }

    /// <summary>Always ends in <c>/</c>, so API paths resolve under it, as they must behind a proxy with a path.</summary>
    public Uri ApiBaseUrl { get; init; } = DefaultApiBaseUrl;

    public bool IsConfigured => Token is not null && AppId is not null;

    /// <summary>Safe mode's cipher, made once from <see cref="EncodingAESKey"/> and <see cref="AppId"/>; null in plaintext mode.</summary>
    public WeChatCipher? Cipher { get; private init; }

    public static WeChatOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var options = new WeChatOptions
        {
            Token = Value(section, "Token"),
            AppId = Value(section, "AppId"),
            AppSecret = Value(section, "AppSecret"),
            EncodingAESKey = Value(section, "EncodingAESKey"),
            ApiBaseUrl = BaseUrl(Value(section, "ApiBaseUrl")),
        };

        if (options.Token is { } token && !(token.Length is >= 3 and <= 32 && token.All(char.IsAsciiLetterOrDigit)))
        {
            throw new InvalidOperationException("WeChat:Token must be 3 to 32 letters or digits, the same as the Token in the WeChat admin console (基本配置 → 服务器配置).");
        }

        if (options.AppId is not null && options.Token is null)
        {
            throw new InvalidOperationException("WeChat:AppId is set but WeChat:Token is not: WeChat's messages cannot be checked without the Token of 服务器配置.");
        }

        if (options.Token is not null && options.AppId is null)
        {
            throw new InvalidOperationException("WeChat:Token is set but WeChat:AppId is not: replies cannot be sent without the account's AppID (开发者ID).");
        }

        if (options.AppId is not null && options.AppSecret is null)
        {
            throw new InvalidOperationException("WeChat:AppSecret must be set with WeChat:AppId: without it no access_token can be fetched and no reply sent (基本配置 → 开发者密码 AppSecret).");
        }

        if (options.EncodingAESKey is { } key && !IsAesKey(key))
        {
            throw new InvalidOperationException("WeChat:EncodingAESKey must be the 43 letters and digits of 消息加解密密钥 in the WeChat admin console, or unset in plaintext mode.");
        }

        return options is { EncodingAESKey: { } aesKey, AppId: { } appId } ? options with { Cipher = new WeChatCipher(aesKey, appId) } : options;
    }

    // An empty value, as an environment variable left blank gives, is no value.
    private static string? Value(IConfiguration section, string key) => section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static Uri BaseUrl(string? text)
    {
        if (text is null)
        {
            return DefaultApiBaseUrl;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/")
            : throw new InvalidOperationException($"WeChat:ApiBaseUrl must be an absolute http or https URL without query, such as {DefaultApiBaseUrl}, not \"{text}\".");
    }

    // Base64 of 32 bytes without its one "=", which WeChat appends before decoding: any 43 letters and digits are one.
    private static bool IsAesKey(string key) => key.Length == 43 && key.All(char.IsAsciiLetterOrDigit);
}
