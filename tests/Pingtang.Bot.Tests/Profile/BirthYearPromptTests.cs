using Pingtang.Bot.Profile;

namespace Pingtang.Bot.Tests.Profile;

public sealed class BirthYearPromptTests
{
    [Theory]
    [InlineData("1978", 1978)]
    [InlineData("1978年", 1978)]
    [InlineData("1978年出生", 1978)]
    [InlineData("78年", 1978)]
    [InlineData("78", 1978)]
    [InlineData("七八年", 1978)]
    [InlineData("七八年生", 1978)]
    [InlineData("一九七八", 1978)]
    [InlineData("一九七八年", 1978)]
    [InlineData("零五年", 2005)]
    [InlineData("05", 2005)]
    [InlineData("２００１", 2001)]
    public void Year_is_read_as_people_say_it(string answer, int year) =>
        Assert.Equal(year, BirthYearPrompt.Read(answer, 2026));

    [Theory]
    [InlineData("不知道")]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("七八九")]
    [InlineData("1978 1979")]
    public void Non_years_are_not_read(string answer) =>
        Assert.Null(BirthYearPrompt.Read(answer, 2026));
}
