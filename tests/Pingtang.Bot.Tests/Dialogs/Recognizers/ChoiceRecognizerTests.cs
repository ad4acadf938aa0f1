using Pingtang.Bot.Dialogs.Recognizers;

namespace Pingtang.Bot.Tests.Dialogs.Recognizers;

public class ChoiceRecognizerTests
{
    private static readonly string[] Menu = ["岗位查询", "培训报名", "劳动维权", "返岗专车报名"];
    private static readonly string[] Trades = ["焊工", "电工", "叉车", "厨师", "保安"];

    [Theory]
    [InlineData("1", 0)]
    [InlineData("１", 0)]
    [InlineData("一", 0)]
    [InlineData("第一个", 0)]
    [InlineData("第1个", 0)]
    [InlineData("第一项", 0)]
    [InlineData("第 1 个", 0)]
    [InlineData("选1", 0)]
    [InlineData("选第一个", 0)]
    [InlineData("我选1", 0)]
    [InlineData("1号", 0)]
    [InlineData("①", 0)]
    [InlineData("1。", 0)]
    [InlineData("2", 1)]
    [InlineData("两", 1)]
    [InlineData("第二个", 1)]
    [InlineData("4", 3)]
    [InlineData("四", 3)]
    [InlineData("第四项", 3)]
    public void Recognize_chooses_by_number(string input, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(input, Menu));

    [Theory]
    [InlineData("培训报名", 1)]
    [InlineData("培训报名。", 1)]
    [InlineData("“培训报名”", 1)]
    [InlineData("培训", 1)]
    [InlineData("维权", 2)]
    [InlineData("岗位", 0)]
    [InlineData("专车", 3)]
    [InlineData("返岗", 3)]
    [InlineData("我要培训报名", 1)]
    [InlineData("劳动维权吧", 2)]
    public void Recognize_chooses_by_the_options_own_words_or_a_unique_part(string input, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(input, Menu));

    [Theory]
    [InlineData("电工", 0)]
    [InlineData("高级电工", 1)]
    [InlineData("高级", 1)]
    public void Recognize_prefers_an_exact_match_over_a_partial_one(string input, int expected) =>
        Assert.Equal(expected, ChoiceRecognizer.Recognize(input, ["电工", "高级电工"]));

    [Fact]
    public void Recognize_prefers_an_option_named_like_a_number_over_its_position() =>
        Assert.Equal(1, ChoiceRecognizer.Recognize("1", ["2", "1"]));

    [Fact]
    public void Recognize_matches_an_out_of_range_number_against_the_options_words() =>
        Assert.Equal(1, ChoiceRecognizer.Recognize("2026", ["2025年返岗专列", "2026年返岗专列"]));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("第五个")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("报名")] // in two options
    [InlineData("你好")]
    [InlineData("1 3")]
    [InlineData("不要培训报名")]
    [InlineData("岗位查询培训报名")]
    public void Recognize_returns_null_when_out_of_range_ambiguous_or_unknown(string? input) =>
        Assert.Null(ChoiceRecognizer.Recognize(input, Menu));

    [Fact]
    public void Recognize_returns_null_when_there_are_no_options() =>
        Assert.Null(ChoiceRecognizer.Recognize("1", []));

    [Theory]
    [InlineData("1", new[] { 0 })]
    [InlineData("1 3 5", new[] { 0, 2, 4 })]
    [InlineData("1、3、5", new[] { 0, 2, 4 })]
    [InlineData("1,3", new[] { 0, 2 })]
    [InlineData("1，3", new[] { 0, 2 })]
    [InlineData("1, 3", new[] { 0, 2 })]
    [InlineData("1。3", new[] { 0, 2 })]
    [InlineData("1和3", new[] { 0, 2 })]
    [InlineData("１ ３", new[] { 0, 2 })]
    [InlineData("一、三", new[] { 0, 2 })]
    [InlineData("第一个和第三个", new[] { 0, 2 })]
    [InlineData("焊工 电工", new[] { 0, 1 })]
    [InlineData("焊工、电工", new[] { 0, 1 })]
    [InlineData("焊工和叉车", new[] { 0, 2 })]
    [InlineData("焊工，3", new[] { 0, 2 })]
    [InlineData("3 1", new[] { 2, 0 })]
    [InlineData("1 1 3 1", new[] { 0, 2 })]
    [InlineData("焊工 1", new[] { 0 })]
    [InlineData("135", new[] { 0, 2, 4 })]
    [InlineData("全部", new[] { 0, 1, 2, 3, 4 })]
    [InlineData("1、3、", new[] { 0, 2 })]
    public void RecognizeMany_returns_distinct_choices_in_the_order_given(string input, int[] expected) =>
        Assert.Equal(expected, ChoiceRecognizer.RecognizeMany(input, Trades));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("、")]
    [InlineData("1 9")]
    [InlineData("1 你好")]
    [InlineData("1-3")]
    [InlineData("169")]
    [InlineData("焊工电工")]
    [InlineData("焊工 木工")]
    public void RecognizeMany_returns_null_when_any_part_is_unrecognised_or_nothing_given(string? input) =>
        Assert.Null(ChoiceRecognizer.RecognizeMany(input, Trades));

    [Fact]
    public void RecognizeMany_keeps_an_option_whose_words_contain_a_separator_whole() =>
        Assert.Equal([1], ChoiceRecognizer.RecognizeMany("水电 安装", ["焊工", "水电 安装"]));
}
