using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Workers;

public sealed class IdCardNumberTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("522727199001011231")]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData(" 522727 19900101 1231 ")]
    [InlineData("５２２７２７１９９００１０１１２３１")]
    public void A_number_with_its_check_digit_and_birth_date_is_accepted_however_it_is_typed(string typed) =>
        Assert.Null(IdCardNumber.Problem(typed, Today));

    [Theory]
    [InlineData("522727199001011232", "校验不通过")] // one digit off
    [InlineData("522727201002301230", "出生日期")] // 30 February, with a right check digit
    [InlineData("522727203001011236", "出生日期")] // born after today
    [InlineData("52272719900101123", "18位")]
    [InlineData("52272719900101123Y", "18位")]
    [InlineData("022727199001011231", "18位")]
    [InlineData("", "18位")]
    public void A_wrong_number_is_refused_with_what_to_check(string typed, string hint) =>
        Assert.Contains(hint, IdCardNumber.Problem(typed, Today), StringComparison.Ordinal);

    [Fact]
    public void Protecting_keeps_a_mask_and_a_ciphertext_that_gives_the_number_back()
    {
        var protector = new AesIdNumberProtector();

        var kept = IdCardNumber.Protect("11010519491231002x", Today, protector);

        Assert.Equal("1101**********002X", kept.Masked);
        Assert.DoesNotContain("19491231", kept.Ciphertext, StringComparison.Ordinal);
        Assert.Equal("11010519491231002X", protector.Unprotect(kept.Ciphertext));
        Assert.Throws<DomainException>(() => IdCardNumber.Protect("522727199001011232", Today, protector));
    }
}
