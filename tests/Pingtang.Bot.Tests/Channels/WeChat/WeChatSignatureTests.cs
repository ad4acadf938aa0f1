using Pingtang.Bot.Channels.WeChat;

namespace Pingtang.Bot.Tests.Channels.WeChat;

public sealed class WeChatSignatureTests
{
    [Fact]
    public void The_msg_signature_of_WeChats_sample_is_reproduced()
    {
        Assert.Equal(WeChatSamples.MsgSignature, WeChatSignature.Of(WeChatSamples.Token, WeChatSamples.TimeStamp, WeChatSamples.Nonce, WeChatSamples.Encrypt));
    }

    [Fact]
    public void The_parts_may_come_in_any_order_and_the_callers_array_keeps_its_own()
    {
        string[] parts = ["token", "1409735669", "nonce"];

        var signature = WeChatSignature.Of(parts);

        Assert.Equal(signature, WeChatSignature.Of("nonce", "token", "1409735669"));
        Assert.Equal(["token", "1409735669", "nonce"], parts);
        Assert.Matches("^[0-9a-f]{40}$", signature);
    }

    [Fact]
    public void Parts_are_sorted_by_ordinal_comparison_not_by_culture()
    {
        // Ordinal puts upper case before lower case ("B" < "a"); a culture's order would not.
        Assert.Equal(WeChatSignature.Of("Ba"), WeChatSignature.Of("a", "B"));
    }

    [Fact]
    public void Matches_accepts_the_signature_itself()
    {
        var signature = WeChatSignature.Of("token", "1409735669", "nonce");

        Assert.True(WeChatSignature.Matches(signature, "nonce", "1409735669", "token"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a9b5f9b5d2a4e0c1")]
    [InlineData("5d197aaffba7e9b25a30732f161a50dee96bd5fa0")]
    [InlineData("5D197AAFFBA7E9B25A30732F161A50DEE96BD5FA")]
    [InlineData("5d197aaffba7e9b25a30732f161a50dee96bd5fb")]
    public void Matches_refuses_a_missing_short_long_or_changed_signature(string? given)
    {
        Assert.False(WeChatSignature.Matches(given, WeChatSamples.Token, WeChatSamples.TimeStamp, WeChatSamples.Nonce, WeChatSamples.Encrypt));
    }

    [Fact]
    public void Matches_refuses_when_any_signed_part_was_changed()
    {
        Assert.False(WeChatSignature.Matches(WeChatSamples.MsgSignature, WeChatSamples.Token, "1409735670", WeChatSamples.Nonce, WeChatSamples.Encrypt));
        Assert.False(WeChatSignature.Matches(WeChatSamples.MsgSignature, WeChatSamples.Token, WeChatSamples.TimeStamp, WeChatSamples.Nonce, WeChatSamples.Encrypt + "A"));
    }
}
