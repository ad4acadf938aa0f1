using Pingtang.Bot.Dialogs.Recognizers;

namespace Pingtang.Bot.Tests.Dialogs.Recognizers;

public class MobileNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData(" 138 - 1234 - 5678。", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("＋８６ １３８１２３４５６７８", "13812345678")]
    [InlineData("(+86)13812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("0086 13812345678", "13812345678")]
    [InlineData("一三八一二三四五六七八", "13812345678")]
    [InlineData("幺三八幺二三四五六七八", "13812345678")]
    [InlineData("一三八 一二三四 五六七八", "13812345678")]
    [InlineData("手机:13812345678", "13812345678")]
    [InlineData("我的电话是 138-1234-5678", "13812345678")]
    public void TryParse_accepts_a_mobile_number_however_it_is_typed(string input, string expected)
    {
        Assert.True(MobileNumber.TryParse(input, out string normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("你好")]
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("12812345678")] // 12x is not a mobile prefix
    [InlineData("10086123456")]
    [InlineData("23812345678")]
    [InlineData("0854-7221234")] // Pingtang landline
    [InlineData("010-12345678")] // Beijing landline, also 11 digits
    [InlineData("1381234567a")]
    [InlineData("138一二三四五六七八x")]
    [InlineData("+1 3812345678")]
    [InlineData("+8612812345678")]
    [InlineData("138+12345678")]
    [InlineData("13812345678 13912345678")]
    [InlineData("一百三十八")]
    public void TryParse_rejects_wrong_lengths_landlines_and_letters(string? input)
    {
        Assert.False(MobileNumber.TryParse(input, out string normalized));
        Assert.Equal(string.Empty, normalized);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("19900001111", "199****1111")]
    [InlineData("1234", "****")]
    [InlineData("", "")]
    public void Mask_hides_the_middle_digits(string input, string expected) =>
        Assert.Equal(expected, MobileNumber.Mask(input));
}
