using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// WeChat's request signature: the parts sorted by ordinal comparison, concatenated, SHA-1, lowercase hex. It proves a
/// request comes from WeChat's server, which alone shares <c>WeChat:Token</c> with us: the URL check signs (token,
/// timestamp, nonce) as <c>signature</c>, and safe mode signs (token, timestamp, nonce, ciphertext) as
/// <c>msg_signature</c>, which must be checked before anything is decrypted.
/// </summary>
public static class WeChatSignature
{
    private const int HexLength = 40;

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "WeChat's protocol fixes SHA-1; we only verify what its server signs.")]
    public static string Of(params string[] parts)
    {
        // A copy, so that the caller's array keeps its order.
        string[] sorted = [.. parts];
        Array.Sort(sorted, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    /// <summary>
    /// Whether <paramref name="given"/> is the signature of <paramref name="parts"/>, compared in fixed time so that
    /// the time taken tells a forger nothing about how much of a guess was right.
    /// </summary>
    public static bool Matches(string? given, params string[] parts) =>
        given is { Length: HexLength }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.ASCII.GetBytes(Of(parts)));
}
