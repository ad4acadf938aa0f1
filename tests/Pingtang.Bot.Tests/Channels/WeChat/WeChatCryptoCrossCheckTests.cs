using System.Text.Json;
using Pingtang.Bot.Channels.WeChat;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// Our safe mode against wechat-crypto 0.0.2 (node, pinned in node/), an implementation written apart from ours:
/// each must read what the other writes, and both must sign alike. Needs node and npm; the test installs the pinned
/// package (npm ci in node/) when it is missing.
/// </summary>
public sealed class WeChatCryptoCrossCheckTests
{
    private const string Token = "pingtang2026";
    private const string EncodingAesKey = "Q3ZWJx0t7mD2rB9yKpL4sN8aF1cH6gE5uV0oT3iW7zX";
    private const string AppId = "wx5f3a9d2c1b7e4086";

    private static readonly NodeFolder Node = NodeFolder.Beside("wechat-crypto");

    // Chinese, emoji, a push's XML, nothing at all, a plaintext already whole 32-byte blocks
    // (16 + 4 + 26 + 18 = 64) that takes a whole block of padding, and one of many blocks.
    private static readonly string[] Messages =
    [
        "你好，我想报名培训。",
        "工资被拖欠 😭👨‍👩‍👧",
        WeChatSamples.Decrypted,
        "",
        new string('a', 26),
        string.Concat(Enumerable.Repeat("东莞大朗 毛织厂 招工 ", 200)),
    ];

    private readonly WeChatCipher _cipher = new(EncodingAesKey, AppId);

    [Fact]
    public async Task What_we_encrypt_wechat_crypto_decrypts_to_the_message_and_our_appId()
    {
        var theirs = await RunAsync(decrypt: [.. Messages.Select(_cipher.Encrypt)]);

        var decrypted = theirs.GetProperty("decrypted").EnumerateArray().ToList();
        Assert.Equal(Messages, decrypted.Select(d => d.GetProperty("message").GetString()));
        Assert.All(decrypted, d => Assert.Equal(AppId, d.GetProperty("appId").GetString()));
    }

    [Fact]
    public async Task What_wechat_crypto_encrypts_we_decrypt()
    {
        var theirs = await RunAsync(encrypt: Messages);

        Assert.Equal(Messages, theirs.GetProperty("encrypted").EnumerateArray().Select(e => _cipher.Decrypt(e.GetString()!)));
    }

    [Fact]
    public async Task Both_sign_alike()
    {
        var signed = new[]
        {
            new { timestamp = "1409735669", nonce = "1320562132", encrypt = _cipher.Encrypt("你好") },
            new { timestamp = "1764547200", nonce = "Zz09", encrypt = "AAAA" },
            new { timestamp = "0", nonce = "", encrypt = "" },
        };

        var theirs = await RunAsync(sign: signed);

        Assert.Equal(
            signed.Select(s => WeChatSignature.Of(Token, s.timestamp, s.nonce, s.encrypt)),
            theirs.GetProperty("signatures").EnumerateArray().Select(s => s.GetString()));
    }

    private static async Task<JsonElement> RunAsync(string[]? encrypt = null, string[]? decrypt = null, object[]? sign = null)
    {
        var request = JsonSerializer.Serialize(new
        {
            token = Token,
            encodingAESKey = EncodingAesKey,
            appId = AppId,
            encrypt = encrypt ?? [],
            decrypt = decrypt ?? [],
            sign = sign ?? [],
        });

        var (exitCode, output, errors) = await Node.RunAsync("crypto.js", request);

        Assert.True(exitCode == 0, $"wechat-crypto failed ({exitCode}): {errors}\n{output}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
