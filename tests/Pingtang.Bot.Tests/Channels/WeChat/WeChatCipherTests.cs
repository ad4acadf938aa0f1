using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Pingtang.Bot.Channels.WeChat;

namespace Pingtang.Bot.Tests.Channels.WeChat;

public sealed class WeChatCipherTests
{
    private const string AppId = "wx1234567890abcdef";
    private static readonly byte[] Key = Convert.FromBase64String(WeChatSamples.EncodingAesKey + "=");

    private readonly WeChatCipher _cipher = new(WeChatSamples.EncodingAesKey, AppId);

    [Theory]
    [InlineData("你好，我想找工作。")]
    [InlineData("")]
    [InlineData("工资被拖欠 3 个月了 😭\n怎么办？")]
    public void A_message_comes_back_as_it_was_sent(string message)
    {
        Assert.Equal(message, _cipher.Decrypt(_cipher.Encrypt(message)));
    }

    [Fact]
    public void The_same_message_encrypts_differently_each_time()
    {
        Assert.NotEqual(_cipher.Encrypt("菜单"), _cipher.Encrypt("菜单"));
    }

    [Fact]
    public void Encrypting_WeChats_sample_gives_WeChats_ciphertext()
    {
        var cipher = new WeChatCipher(WeChatSamples.EncodingAesKey, WeChatSamples.EncryptingAppId);

        Assert.Equal(WeChatSamples.Encrypted, cipher.Encrypt(WeChatSamples.EncryptingMessage, Encoding.ASCII.GetBytes(WeChatSamples.EncryptingRandom)));
    }

    [Fact]
    public void WeChats_sample_ciphertext_decrypts_to_its_message()
    {
        var cipher = new WeChatCipher(WeChatSamples.EncodingAesKey, WeChatSamples.AppId);

        Assert.Equal(WeChatSamples.Decrypted, cipher.Decrypt(WeChatSamples.Encrypt));
        Assert.Equal(WeChatSamples.EncryptingMessage, new WeChatCipher(WeChatSamples.EncodingAesKey, WeChatSamples.EncryptingAppId).Decrypt(WeChatSamples.Encrypted));
    }

    [Fact]
    public void A_plaintext_already_a_whole_number_of_blocks_gets_a_whole_block_of_padding()
    {
        // 16 random + 4 length + 26 message + 18 appId = 64 bytes, two blocks of 32 exactly.
        var message = new string('a', 26);

        var encrypted = _cipher.Encrypt(message, new byte[16]);

        var plain = Decipher(encrypted);
        Assert.Equal(96, plain.Length);
        Assert.All(plain[64..], b => Assert.Equal(32, b));
        Assert.Equal(message, _cipher.Decrypt(encrypted));
    }

    [Fact]
    public void The_plaintext_is_random_then_big_endian_length_then_message_then_appId_then_padding()
    {
        var random = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

        var plain = Decipher(_cipher.Encrypt("你好", random));

        Assert.Equal(random, plain[..16]);
        Assert.Equal([0, 0, 0, 6], plain[16..20]);
        Assert.Equal("你好", Encoding.UTF8.GetString(plain[20..26]));
        Assert.Equal(AppId, Encoding.UTF8.GetString(plain[26..44]));
        Assert.Equal(64, plain.Length);
        Assert.All(plain[44..], b => Assert.Equal(20, b));
    }

    [Fact]
    public void A_message_for_another_account_is_refused()
    {
        var other = new WeChatCipher(WeChatSamples.EncodingAesKey, "wx0000000000000000");

        var refused = Assert.Throws<WeChatCryptoException>(() => other.Decrypt(_cipher.Encrypt("你好")));
        Assert.Contains("appId", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_appId_that_differs_only_in_case_is_another_account()
    {
        var other = new WeChatCipher(WeChatSamples.EncodingAesKey, AppId.ToUpperInvariant());

        Assert.Throws<WeChatCryptoException>(() => other.Decrypt(_cipher.Encrypt("你好")));
    }

    [Fact]
    public void A_message_under_another_key_is_refused()
    {
        var other = new WeChatCipher("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq", AppId);

        Assert.Throws<WeChatCryptoException>(() => other.Decrypt(_cipher.Encrypt("你好")));
    }

    // CBC has no integrity of its own: a change inside the message itself goes unseen here, which is why the endpoint
    // checks msg_signature first. A change that reaches the length, the appId or the padding is refused.
    [Theory]
    [InlineData(0)]
    [InlineData(-16)]
    [InlineData(-1)]
    public void A_changed_byte_that_reaches_the_length_the_appId_or_the_padding_is_refused(int index)
    {
        var bytes = Convert.FromBase64String(_cipher.Encrypt("你好", new byte[16]));
        bytes[index < 0 ? bytes.Length + index : index] ^= 0x01;

        Assert.Throws<WeChatCryptoException>(() => _cipher.Decrypt(Convert.ToBase64String(bytes)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not Base64!")]
    [InlineData("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=")]
    [InlineData("====")]
    public void Text_that_is_not_Base64_is_refused(string encrypted)
    {
        Assert.Throws<WeChatCryptoException>(() => _cipher.Decrypt(encrypted));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(48)]
    [InlineData(63)]
    [InlineData(33)]
    public void A_ciphertext_that_is_not_whole_32_byte_blocks_is_refused(int length)
    {
        var bytes = Convert.FromBase64String(_cipher.Encrypt(new string('a', 40)));

        Assert.Throws<WeChatCryptoException>(() => _cipher.Decrypt(Convert.ToBase64String(bytes[..length])));
    }

    [Fact]
    public void A_ciphertext_cut_to_its_first_block_is_refused()
    {
        var bytes = Convert.FromBase64String(_cipher.Encrypt(new string('a', 40)));

        Assert.Throws<WeChatCryptoException>(() => _cipher.Decrypt(Convert.ToBase64String(bytes[..32])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(255)]
    public void A_padding_value_outside_1_to_32_is_refused(byte padding)
    {
        var plain = Plain(Encoding.UTF8.GetBytes("你好"), Encoding.UTF8.GetBytes(AppId));
        plain[^1] = padding;

        Assert.Throws<WeChatCryptoException>(() => _cipher.Decrypt(Encipher(plain)));
    }

    [Fact]
    public void Padding_bytes_that_do_not_all_match_are_refused()
    {
        var plain = Plain(Encoding.UTF8.GetBytes("你好"), Encoding.UTF8.GetBytes(AppId));
        plain[^2] ^= 0x01;

        Assert.Throws<WeChatCryptoException>(() => _cipher.Decrypt(Encipher(plain)));
    }

    [Fact]
    public void A_full_block_of_padding_over_a_one_block_plaintext_is_refused()
    {
        Assert.Throws<WeChatCryptoException>(() => _cipher.Decrypt(Encipher(Enumerable.Repeat((byte)32, 32).ToArray())));
    }

    [Theory]
    [InlineData(100u)]
    [InlineData(uint.MaxValue)]
    [InlineData(0x80000000u)]
    public void A_length_field_larger_than_the_plaintext_is_refused(uint length)
    {
        var plain = Plain(Encoding.UTF8.GetBytes("你好"), Encoding.UTF8.GetBytes(AppId));
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16), length);

        var refused = Assert.Throws<WeChatCryptoException>(() => _cipher.Decrypt(Encipher(plain)));
        Assert.Contains("length", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_that_is_not_UTF8_is_refused()
    {
        Assert.Throws<WeChatCryptoException>(() => _cipher.Decrypt(Encipher(Plain([0xE4, 0xBD], Encoding.UTF8.GetBytes(AppId)))));
    }

    [Fact]
    public void Random_ciphertexts_give_a_message_or_a_WeChatCryptoException_and_nothing_else()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 5) * 32 + (i % 10 == 0 ? random.Next(1, 32) : 0)];
            random.NextBytes(bytes);
            var thrown = Record.Exception(() => _cipher.Decrypt(Convert.ToBase64String(bytes)));

            Assert.True(thrown is null or WeChatCryptoException, thrown?.ToString());
        }
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq")]
    [InlineData("0123456789+/0123456789+/0123456789+/0123456")]
    public void A_43_character_Base64_key_is_accepted(string key)
    {
        Assert.Equal("好", new WeChatCipher(key, AppId).Decrypt(new WeChatCipher(key, AppId).Encrypt("好")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDE!G")]
    [InlineData("abcdefghijklmnopqrstuvwxyz 123456789ABCDEFG")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF中")]
    public void A_key_that_is_not_43_characters_of_Base64_is_refused_naming_the_setting(string key)
    {
        var refused = Assert.Throws<ArgumentException>(() => new WeChatCipher(key, AppId));

        Assert.Contains("WeChat:EncodingAESKey", refused.Message, StringComparison.Ordinal);
    }

    private static byte[] Decipher(string encrypted)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypted), Key[..16], PaddingMode.None);
    }

    private static string Encipher(byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, Key[..16], PaddingMode.None));
    }

    /// <summary>A plaintext laid out as WeChat's, with zero random bytes and correct padding, for the tests to spoil.</summary>
    private static byte[] Plain(byte[] message, byte[] appId)
    {
        var length = 16 + 4 + message.Length + appId.Length;
        var padding = 32 - (length % 32);
        var plain = new byte[length + padding];
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), message.Length);
        message.CopyTo(plain, 20);
        appId.CopyTo(plain, 20 + message.Length);
        plain.AsSpan(length).Fill((byte)padding);
        return plain;
    }
}
