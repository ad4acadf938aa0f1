using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Tests.Hosting;

public sealed class SensitiveNumbersTests
{
    [Theory]
    [InlineData("手机13800138000，尽快回电", "手机138****8000，尽快回电")]
    [InlineData("138 0013 8000", "138****8000")]
    [InlineData("电话：138-0013-8000。", "电话：138****8000。")]
    [InlineData("+86 139 1234 5678", "+86 139****5678")]
    [InlineData("conversation conv-13912345678-web", "conversation conv-139****5678-web")]
    [InlineData("身份证522701199003071234", "身份证5227**********1234")]
    [InlineData("id=52272219850615432X;", "id=5227**********432X;")]
    [InlineData("52272219850615432x", "5227**********432x")]
    [InlineData("老身份证 522701900307123 ", "老身份证 5227*******7123 ")]
    [InlineData("13800138000 和 522701199003071234", "138****8000 和 5227**********1234")]
    public void Mobile_and_ID_numbers_keep_enough_to_recognise_and_not_enough_to_identify(string text, string masked) =>
        Assert.Equal(masked, SensitiveNumbers.Mask(text));

    [Theory]
    [InlineData("欠薪35000元，共12人")]
    [InlineData("epoch 1764000000000 ms")]
    [InlineData("12345678901")]
    [InlineData("138001380001")]
    [InlineData("1380013800")]
    [InlineData("ticks 639001234567890123")]
    [InlineData("订单 202611290001234")]
    [InlineData("2026-11-29 10:00:00.123")]
    [InlineData("WQ-2026-000001")]
    [InlineData("3f2a9c10-1380-0138-0000-5b6e7d8f9a0b")]
    [InlineData("91441900MA4UJ1234X")]
    public void Ordinary_numbers_are_left_as_they_are(string text) =>
        Assert.Same(text, SensitiveNumbers.Mask(text));

    [Theory]
    [InlineData("Turn failed on channel test, conversation c-42", false)]
    [InlineData("共 35000 元 1764 次", false)]
    [InlineData("1764000000000", true)]
    [InlineData("138 0013 8000", true)]
    public void The_pre_check_passes_only_lines_with_a_long_digit_run(string text, bool mayHold) =>
        Assert.Equal(mayHold, SensitiveNumbers.MayHold(text));
}
