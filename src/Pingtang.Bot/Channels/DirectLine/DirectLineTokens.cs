using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>What a valid bearer credential grants.</summary>
/// <param name="IsSecret">The channel secret: the bot owner's master key, any conversation, any non-reserved user.</param>
/// <param name="ConversationId">For a token, the one conversation it opens.</param>
/// <param name="UserId">For a token, the one user it speaks as.</param>
public sealed record DirectLineCaller(bool IsSecret, string? ConversationId, string? UserId)
{
    public static readonly DirectLineCaller Secret = new(true, null, null);

    /// <summary>Whether this caller may act in <paramref name="conversationId"/>.</summary>
    public bool MayUse(string conversationId) => IsSecret || string.Equals(ConversationId, conversationId, StringComparison.Ordinal);
}

/// <summary>Why a bearer credential was refused: missing, malformed or forged (401), or expired (403, as Azure does).</summary>
public enum CredentialProblem
{
    None,
    Missing,
    Invalid,
    Expired,
}

/// <summary>
/// The channel secret and the tokens made from it. Tokens are compact JWTs (HS256, like Azure's Direct Line tokens),
/// so the official clients can read the <c>user</c> claim they look for; they bind one conversation and one user and
/// expire after <see cref="Lifetime"/>. A stream token (in a <c>streamUrl</c>) only opens that conversation's stream.
/// </summary>
public sealed class DirectLineTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Stream URLs are for connecting at once; a client that reconnects later asks for a new one.</summary>
    public static readonly TimeSpan StreamLifetime = TimeSpan.FromMinutes(5);

    private const string Issuer = "pingtang-directline";
    private const string StreamUse = "stream";
    private static readonly string Header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));

    private readonly byte[] _secret;
    private readonly byte[] _signingKey;
    private readonly byte[] _cookieKey;
    private readonly TimeProvider _time;

    public DirectLineTokens(string secret, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secret = Encoding.UTF8.GetBytes(secret);

        // A key of its own for signing, so nothing signed ever reveals anything about the secret itself.
        _signingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, info: Encoding.UTF8.GetBytes("pingtang directline token v1"));
        _cookieKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, info: Encoding.UTF8.GetBytes("pingtang web chat user v1"));
        _time = time;
    }

    public string Issue(string conversationId, string userId) => Sign(conversationId, userId, Lifetime, use: null);

    public string IssueForStream(string conversationId, string userId) => Sign(conversationId, userId, StreamLifetime, StreamUse);

    /// <summary>Checks an <c>Authorization</c> header (<c>Bearer SECRET_OR_TOKEN</c>).</summary>
    public CredentialProblem Authenticate(string? authorization, out DirectLineCaller? caller)
    {
        caller = null;
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return CredentialProblem.Missing;
        }

        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return CredentialProblem.Invalid;
        }

        var credential = authorization[scheme.Length..].Trim();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), _secret))
        {
            caller = DirectLineCaller.Secret;
            return CredentialProblem.None;
        }

        return Validate(credential, stream: false, out caller);
    }

    /// <summary>Checks the <c>t</c> of a stream URL: a stream token, or a conversation token.</summary>
    public CredentialProblem AuthenticateStream(string? token, out DirectLineCaller? caller)
    {
        caller = null;
        return string.IsNullOrEmpty(token) ? CredentialProblem.Missing : Validate(token, stream: true, out caller);
    }

    /// <summary>Seals a user id for the web page's cookie, so a returning phone is the same worker.</summary>
    public string SealUserId(string userId) =>
        $"{userId}.{Base64Url(HMACSHA256.HashData(_cookieKey, Encoding.UTF8.GetBytes(userId)))}";

    /// <summary>The user id in a sealed cookie value, or null when it is not one this service sealed.</summary>
    public string? UnsealUserId(string? value)
    {
        var dot = value?.LastIndexOf('.') ?? -1;
        if (value is null || dot <= 0 || value.Length > 512)
        {
            return null;
        }

        var userId = value[..dot];
        var expected = HMACSHA256.HashData(_cookieKey, Encoding.UTF8.GetBytes(userId));
        return FromBase64Url(value[(dot + 1)..]) is { } mac && CryptographicOperations.FixedTimeEquals(mac, expected) ? userId : null;
    }

    private string Sign(string conversationId, string userId, TimeSpan lifetime, string? use)
    {
        var now = _time.GetUtcNow();
        var claims = new TokenClaims
        {
            Issuer = Issuer,
            Conversation = conversationId,
            User = userId,
            NotBefore = now.ToUnixTimeSeconds(),
            Expires = now.Add(lifetime).ToUnixTimeSeconds(),
            Use = use,
        };
        var body = $"{Header}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        return $"{body}.{Base64Url(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(body)))}";
    }

    private CredentialProblem Validate(string token, bool stream, out DirectLineCaller? caller)
    {
        caller = null;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header || token.Length > 4096)
        {
            return CredentialProblem.Invalid;
        }

        var expected = HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (FromBase64Url(parts[2]) is not { } signature || !CryptographicOperations.FixedTimeEquals(signature, expected))
        {
            return CredentialProblem.Invalid;
        }

        TokenClaims? claims;
        try
        {
            claims = FromBase64Url(parts[1]) is { } payload ? JsonSerializer.Deserialize<TokenClaims>(payload) : null;
        }
        catch (JsonException)
        {
            return CredentialProblem.Invalid;
        }

        // A stream token opens a stream and nothing else; the REST API wants the conversation token.
        if (claims is not { Issuer: Issuer, Conversation.Length: > 0, User.Length: > 0 } || (claims.Use == StreamUse && !stream))
        {
            return CredentialProblem.Invalid;
        }

        if (_time.GetUtcNow().ToUnixTimeSeconds() >= claims.Expires)
        {
            return CredentialProblem.Expired;
        }

        caller = new DirectLineCaller(false, claims.Conversation, claims.User);
        return CredentialProblem.None;
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[]? FromBase64Url(string text) =>
        System.Buffers.Text.Base64Url.IsValid(text) ? System.Buffers.Text.Base64Url.DecodeFromChars(text) : null;

    // The claim names Azure's Direct Line tokens use, so directlinejs and Web Chat find the user id in "user".
    private sealed class TokenClaims
    {
        [JsonPropertyName("iss")]
        public string? Issuer { get; init; }

        [JsonPropertyName("conv")]
        public string? Conversation { get; init; }

        [JsonPropertyName("user")]
        public string? User { get; init; }

        [JsonPropertyName("nbf")]
        public long NotBefore { get; init; }

        [JsonPropertyName("exp")]
        public long Expires { get; init; }

        [JsonPropertyName("use")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Use { get; init; }
    }
}
