namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// WeChat refused a call: its <c>errcode</c>, which the caller routes on. <see cref="WeChatApi"/> retries only a
/// refused access_token, once; the rest are decisions for the caller — a closed 48-hour window calls for a template
/// message, a spent quota for waiting until the worker writes again, the daily limit for tomorrow.
/// </summary>
public sealed class WeChatApiException(int errorCode, string message) : Exception(message)
{
    /// <summary>40001: the access_token is not valid, or not the latest.</summary>
    public const int InvalidCredential = 40001;

    /// <summary>40014: the access_token is malformed.</summary>
    public const int InvalidAccessToken = 40014;

    /// <summary>42001: the access_token has expired.</summary>
    public const int AccessTokenExpired = 42001;

    /// <summary>45009: the account's daily quota for this API is spent.</summary>
    public const int DailyLimit = 45009;

    /// <summary>45015: the worker last wrote more than 48 hours ago, so customer-service messages are closed.</summary>
    public const int OutsideWindow = 45015;

    /// <summary>45047: the customer-service messages allowed since the worker's last message are used up.</summary>
    public const int OverQuota = 45047;

    /// <summary>-1: WeChat is busy; the same call may succeed a little later.</summary>
    public const int SystemBusy = -1;

    public int ErrorCode { get; } = errorCode;

    /// <summary>WeChat no longer takes the access_token the call carried; a fresh one may do.</summary>
    public bool IsTokenRefused => ErrorCode is InvalidCredential or InvalidAccessToken or AccessTokenExpired;

    public bool IsDailyLimit => ErrorCode == DailyLimit;

    public bool IsOutsideWindow => ErrorCode == OutsideWindow;

    public bool IsOverQuota => ErrorCode == OverQuota;

    public bool IsSystemBusy => ErrorCode == SystemBusy;
}
