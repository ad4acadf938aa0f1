using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// Thrown by <see cref="WeChatCipher.Decrypt"/> for a ciphertext that is not one WeChat made for this account with
/// our key: the sender's fault or a forgery, so the endpoint can refuse it as a bad request, not fail as if it were ours.
/// </summary>
public sealed class WeChatCryptoException(string message) : Exception(message);

/// <summary>
/// Safe mode (安全模式) of the Official Account: messages in both directions travel as
/// Base64(AES-256-CBC(random 16 bytes + 4-byte big-endian length + UTF-8 message + appId)), padded PKCS#7-style to
/// 32-byte blocks, with the key from <c>WeChat:EncodingAESKey</c> and its first 16 bytes as the IV. The appId inside
/// tells a message for this account from one for another that shares the key. The cipher has no integrity of its
/// own: the endpoint checks <c>msg_signature</c> (<see cref="WeChatSignature"/>) before it decrypts anything.
/// </summary>
public sealed class WeChatCipher
{
    private const int KeyCharacters = 43;
    private const int KeyBytes = 32;
    private const int RandomBytes = 16;
    private const int LengthBytes = 4;

    // WeChat pads to 32 bytes, twice AES's block, so the padding value runs 1..32.
    private const int PaddingBlock = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _appId;

    public WeChatCipher(string encodingAesKey, string appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        _key = KeyOf(encodingAesKey);
        _iv = _key[..RandomBytes];
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>The ciphertext WeChat's server expects in a safe-mode reply's <c>Encrypt</c>.</summary>
    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The same with chosen random bytes, for fixed test vectors; anything else uses <see cref="Encrypt(string)"/>.</summary>
    internal string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomBytes)
        {
            throw new ArgumentException($"The random prefix is {RandomBytes} bytes.", nameof(random));
        }

        var text = Encoding.UTF8.GetBytes(message);
        var length = RandomBytes + LengthBytes + text.Length + _appId.Length;
        var padding = PaddingBlock - (length % PaddingBlock);
        var plain = new byte[length + padding];
        random.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomBytes), text.Length);
        text.CopyTo(plain, RandomBytes + LengthBytes);
        _appId.CopyTo(plain, RandomBytes + LengthBytes + text.Length);
        plain.AsSpan(length).Fill((byte)padding);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    /// <summary>The message inside a ciphertext from WeChat's server, or a <see cref="WeChatCryptoException"/>.</summary>
    public string Decrypt(string encrypted)
    {
        if (!Base64.IsValid(encrypted, out var decodedLength) || decodedLength == 0 || decodedLength % PaddingBlock != 0)
        {
            throw new WeChatCryptoException($"The ciphertext is not Base64 of a whole number of {PaddingBlock}-byte blocks.");
        }

        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(Convert.FromBase64String(encrypted), _iv, PaddingMode.None).AsSpan();

        var padding = plain[^1];
        if (padding is < 1 or > PaddingBlock || plain[^padding..].ContainsAnyExcept(padding))
        {
            throw new WeChatCryptoException("The padding is not WeChat's: wrong key, or the ciphertext was changed.");
        }

        if (plain.Length - padding < RandomBytes + LengthBytes)
        {
            throw new WeChatCryptoException("The plaintext is too short to hold a message length.");
        }

        var content = plain[RandomBytes..^padding];

        var length = BinaryPrimitives.ReadUInt32BigEndian(content);
        if (length > content.Length - LengthBytes)
        {
            throw new WeChatCryptoException("The message length does not fit the plaintext.");
        }

        var message = content.Slice(LengthBytes, (int)length);

        // Bytes equal exactly when the UTF-8 strings are equal by ordinal comparison.
        if (!content[(LengthBytes + (int)length)..].SequenceEqual(_appId))
        {
            throw new WeChatCryptoException("The message is for another account (appId).");
        }

        try
        {
            return StrictUtf8.GetString(message);
        }
        catch (DecoderFallbackException)
        {
            throw new WeChatCryptoException("The message is not UTF-8.");
        }
    }

    private static byte[] KeyOf(string encodingAesKey)
    {
        // The decoder skips white space, so a key with spaces in it decodes short: the byte count catches it.
        var key = new byte[KeyBytes];
        if (encodingAesKey is not { Length: KeyCharacters }
            || !Convert.TryFromBase64String(encodingAesKey + "=", key, out var written)
            || written != KeyBytes)
        {
            throw new ArgumentException(
                $"WeChat:EncodingAESKey must be the {KeyCharacters}-character EncodingAESKey from the Official Account's settings (Base64 of a {KeyBytes}-byte AES key).",
                nameof(encodingAesKey));
        }

        return key;
    }
}
