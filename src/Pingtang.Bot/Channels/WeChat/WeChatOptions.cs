using Pingtang.Bot.Hosting;

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

    public static WeChatOptions From(IConfiguration configuration) => SettingsReader.Read(configuration, From);

    /// <summary>The options, each wrong setting noted on <paramref name="settings"/> (the start-up check reads them so).</summary>
    internal static WeChatOptions From(SettingsReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new WeChatOptions
        {
            Token = settings.Text($"{Section}:Token"),
            AppId = settings.Text($"{Section}:AppId"),
            AppSecret = settings.Text($"{Section}:AppSecret"),
            EncodingAESKey = settings.Text($"{Section}:EncodingAESKey"),
            ApiBaseUrl = settings.HttpUrl($"{Section}:ApiBaseUrl", DefaultApiBaseUrl.AbsoluteUri) is { } uri
                ? new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/")
                : DefaultApiBaseUrl,
        };

        if (options.Token is { } token && !(token.Length is >= 3 and <= 32 && token.All(char.IsAsciiLetterOrDigit)))
        {
            settings.Wrong("WeChat:Token", "must be 3 to 32 letters or digits, the same as the Token in the WeChat admin console (基本配置 → 服务器配置).");
        }

        if (options.AppId is not null && options.Token is null)
        {
            settings.Wrong("WeChat:AppId", "is set but WeChat:Token is not: WeChat's messages cannot be checked without the Token of 服务器配置.");
        }

        if (options.Token is not null && options.AppId is null)
        {
            settings.Wrong("WeChat:Token", "is set but WeChat:AppId is not: replies cannot be sent without the account's AppID (开发者ID).");
        }

        if (options.AppId is not null && options.AppSecret is null)
        {
            settings.Wrong("WeChat:AppSecret", "must be set with WeChat:AppId: without it no access_token can be fetched and no reply sent (基本配置 → 开发者密码 AppSecret).");
        }

        if (options.EncodingAESKey is { } key && !IsAesKey(key))
        {
            settings.Wrong("WeChat:EncodingAESKey", "must be the 43 letters and digits of 消息加解密密钥 in the WeChat admin console, or unset in plaintext mode.");
            return options with { EncodingAESKey = null };
        }

        return options is { EncodingAESKey: { } aesKey, AppId: { } appId } ? options with { Cipher = new WeChatCipher(aesKey, appId) } : options;
    }

    // Base64 of 32 bytes without its one "=", which WeChat appends before decoding: any 43 letters and digits are one.
    private static bool IsAesKey(string key) => key.Length == 43 && key.All(char.IsAsciiLetterOrDigit);
}
