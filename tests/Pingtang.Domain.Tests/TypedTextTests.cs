using System.Text.RegularExpressions;

namespace Pingtang.Domain.Tests;

/// <summary>Cases are written with \u escapes (unescaped by the test) so that the table shows what it holds.</summary>
public sealed class TypedTextTests
{
    [Theory]
    [InlineData(@"王\u0000师傅", "王师傅")]
    [InlineData(@"\u001B[31m王师傅", "[31m王师傅")]
    [InlineData(@"王\u007F\u0085\u009B师傅", "王师傅")]
    [InlineData(@"\u202E傅师王", "傅师王")]
    [InlineData(@"\u202A平塘\u202C\u202B\u202D\u2066\u2067\u2068\u2069", "平塘")]
    [InlineData(@"东\u200E\u200F\u061C莞", "东莞")]
    [InlineData(@"\uFEFF东\u200B\u200C\u200D\u2060莞\u00AD", "东莞")]
    [InlineData(@"白云\uDB40\uDC41区", "白云区")]
    [InlineData(@"电工\uFDD0\uFDEF\uFFFE\uFFFF", "电工")]
    [InlineData(@"电工\uD83F\uDFFE\uDBFF\uDFFF", "电工")]
    [InlineData(@"王\uD800师傅\uDC00", "王师傅")]
    [InlineData(@"\uDFFF\uD800焊工", "焊工")]
    [InlineData(@"第一行\r\n第二行", "第一行\n第二行")]
    [InlineData(@"电工\t焊工", "电工 焊工")]
    public void What_nobody_means_to_type_is_removed(string typed, string expected) =>
        Assert.Equal(Regex.Unescape(expected), TypedText.Clean(Regex.Unescape(typed)));

    [Theory]
    [InlineData("王师傅")]
    [InlineData(@"第一行\n第二行")]
    [InlineData(@"笑\uD83D\uDE00\u2764\uFE0F")]
    [InlineData(@"\uD840\uDC00\uE000\uFFFD\uFDCF\uFDF0")]
    [InlineData(@"مرحبا 平塘\u3000县")]
    [InlineData("")]
    public void What_people_type_is_kept_as_the_same_string(string typed)
    {
        var text = Regex.Unescape(typed);

        Assert.Same(text, TypedText.Clean(text));
    }

    [Fact]
    public void Nothing_stays_nothing() => Assert.Null(TypedText.Clean(null));
}
