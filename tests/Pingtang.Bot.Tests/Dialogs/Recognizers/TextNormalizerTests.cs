using Pingtang.Bot.Dialogs.Recognizers;

namespace Pingtang.Bot.Tests.Dialogs.Recognizers;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("好的", "好的")]
    [InlineData("  好的  ", "好的")]
    [InlineData("好的。", "好的")]
    [InlineData("好的！！", "好的")]
    [InlineData("是吗？", "是吗")]
    [InlineData("可以~~", "可以")]
    [InlineData("可以～", "可以")]
    [InlineData("焊工，", "焊工")]
    [InlineData("好的…", "好的")]
    [InlineData("“培训报名”", "培训报名")]
    [InlineData("\"培训报名\"", "培训报名")]
    [InlineData("「焊工」。", "焊工")]
    [InlineData("１３８", "138")]
    [InlineData("ＯＫ", "OK")]
    [InlineData("焊工\u3000电工", "焊工 电工")]
    [InlineData("1   3\t\t5", "1 3 5")]
    [InlineData("1\n3", "1 3")]
    [InlineData("好\u200B的", "好的")]
    [InlineData("2.15", "2.15")]
    [InlineData("1、3、5", "1、3、5")]
    public void Normalize_cleans_sloppy_typing(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    [InlineData("。。。")]
    [InlineData("？！")]
    [InlineData("“”")]
    public void Normalize_returns_empty_for_nothing_typed(string? input) =>
        Assert.Equal(string.Empty, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_returns_the_same_instance_when_already_clean()
    {
        string clean = "培训报名";
        Assert.Same(clean, TextNormalizer.Normalize(clean));
    }

    [Fact]
    public void Normalize_handles_long_text_beyond_the_stack_buffer()
    {
        string text = new string('好', 1000) + "。";
        Assert.Equal(new string('好', 1000), TextNormalizer.Normalize(text));
    }
}
