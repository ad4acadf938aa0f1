using Pingtang.Domain.Complaints;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class EmployerTests
{
    [Theory]
    [InlineData("东莞 大朗 宏达制衣有限公司", "东莞大朗宏达制衣公司")]
    [InlineData("宏达制衣有限责任公司", "宏达制衣")]
    [InlineData("ＡＢＣ电子厂", "abc电子厂")]
    [InlineData("宏达（大朗）制衣股份有限公司", "宏达大朗制衣")]
    public void One_employer_however_it_is_written(string one, string other)
    {
        Assert.Equal(Employer.Key(one, null), Employer.Key(other, null));
    }

    [Fact]
    public void Different_employers_stay_apart()
    {
        Assert.NotEqual(Employer.Key("宏达制衣", null), Employer.Key("宏发制衣", null));
    }

    [Fact]
    public void The_credit_code_decides_when_given_whatever_the_names_say()
    {
        const string code = "91441900MA4W1234XY";

        Assert.Equal(Employer.Key("宏达制衣", code), Employer.Key("大朗那个制衣厂", code.ToLowerInvariant()));
        Assert.NotEqual(Employer.Key("宏达制衣", code), Employer.Key("宏达制衣", null));
    }

    [Theory]
    [InlineData("9144190MA4W1234XY")]
    [InlineData("91441900MA4W1234XY0")]
    [InlineData("不知道")]
    [InlineData(null)]
    public void Anything_but_18_letters_and_digits_is_no_credit_code(string? text)
    {
        Assert.Null(Employer.CreditCode(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("（ ）")]
    public void No_name_and_no_code_is_no_key(string? name)
    {
        Assert.Null(Employer.Key(name, null));
    }

    [Fact]
    public void A_name_that_is_only_a_company_form_is_kept_whole()
    {
        Assert.Equal("name:公司", Employer.Key("公司", null));
    }
}
