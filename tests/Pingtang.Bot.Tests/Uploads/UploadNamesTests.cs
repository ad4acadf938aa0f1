using Pingtang.Bot.Uploads;

namespace Pingtang.Bot.Tests.Uploads;

public sealed class UploadNamesTests
{
    [Theory]
    [InlineData("工资条.jpg", "工资条.jpg")]
    [InlineData("C:\\fakepath\\劳动合同.pdf", "劳动合同.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("欠条\u202Egpj.exe", "欠条gpj.exe")]
    [InlineData("a\u0000b\nc.png", "ab c.png")]
    [InlineData("  ...  ", UploadNames.Unnamed)]
    [InlineData(null, UploadNames.Unnamed)]
    public void A_file_name_is_kept_as_a_plain_name_without_path_or_hidden_characters(string? given, string expected)
    {
        Assert.Equal(expected, UploadNames.Clean(given));
    }

    [Fact]
    public void A_long_name_is_cut_but_keeps_its_extension()
    {
        var clean = UploadNames.Clean(new string('长', 300) + ".xlsx");

        Assert.Equal(UploadNames.MaxLength, clean.Length);
        Assert.EndsWith("长.xlsx", clean, StringComparison.Ordinal);
    }
}
