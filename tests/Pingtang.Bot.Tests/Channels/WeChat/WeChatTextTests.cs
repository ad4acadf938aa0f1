using System.Globalization;
using System.Text;
using Pingtang.Bot.Channels.WeChat;

namespace Pingtang.Bot.Tests.Channels.WeChat;

public sealed class WeChatTextTests
{
    [Fact]
    public void WeChats_limit_is_2048_bytes()
    {
        Assert.Equal(2048, WeChatText.MaxBytes);
    }

    [Theory]
    [InlineData("菜单")]
    [InlineData("\n1. 岗位查询\n")]
    public void A_text_that_fits_is_one_piece_as_it_is(string text)
    {
        Assert.Equal([text], WeChatText.Split(text));
    }

    [Fact]
    public void No_text_gives_no_pieces()
    {
        Assert.Empty(WeChatText.Split(""));
    }

    [Fact]
    public void Chinese_lines_are_packed_into_pieces_within_the_limit_and_cut_only_between_lines()
    {
        var lines = Enumerable.Range(1, 300).Select(i => $"{i}. 东莞大朗毛织厂招普工，月薪五千，包吃住").ToList();
        var text = string.Join('\n', lines);

        var pieces = WeChatText.Split(text);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, WeChatText.MaxBytes));
        Assert.Equal(lines, pieces.SelectMany(p => p.Split('\n')));

        // Greedy: each piece but the last could not take the next line too.
        for (var i = 0; i + 1 < pieces.Count; i++)
        {
            var nextLine = pieces[i + 1].Split('\n')[0];
            Assert.True(Encoding.UTF8.GetByteCount(pieces[i] + "\n" + nextLine) > WeChatText.MaxBytes);
        }
    }

    [Fact]
    public void Pieces_keep_the_order_of_the_text()
    {
        var text = string.Join('\n', Enumerable.Range(1, 50).Select(i => i.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(text, string.Join('\n', WeChatText.Split(text, 20)));
    }

    [Fact]
    public void A_line_longer_than_a_piece_is_cut_between_characters()
    {
        var line = string.Concat(Enumerable.Repeat("工资被拖欠了怎么办", 100));

        var pieces = WeChatText.Split("第一行\n" + line + "\n最后一行", 100);

        Assert.All(pieces, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 100));
        Assert.Equal("第一行", pieces[0]);
        Assert.Equal(line, string.Concat(pieces.Skip(1).SkipLast(1)) + pieces[^1].Split('\n')[0]);
        Assert.EndsWith("最后一行", pieces[^1], StringComparison.Ordinal);

        // 99 bytes of 3-byte characters fill a piece of 100.
        Assert.Equal(99, Encoding.UTF8.GetByteCount(pieces[1]));
    }

    [Fact]
    public void A_character_of_several_bytes_is_never_cut()
    {
        // "a" then 3-byte characters: the first piece is full at exactly 100 bytes, the others at 99, the most that fit.
        var text = "a" + new string('工', 200);

        var pieces = WeChatText.Split(text, 100);

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))));
        Assert.Equal(100, Encoding.UTF8.GetByteCount(pieces[0]));
        Assert.Equal(99, Encoding.UTF8.GetByteCount(pieces[1]));
    }

    [Fact]
    public void Surrogate_pairs_and_emoji_sequences_are_never_cut()
    {
        var family = "👨‍👩‍👧";
        var text = string.Concat(Enumerable.Repeat("😀" + family + "x", 40));

        var pieces = WeChatText.Split(text, 30);

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 30));
        Assert.All(pieces.SelectMany(TextElements), e => Assert.Contains(e, new[] { "😀", family, "x" }));
    }

    [Fact]
    public void An_emoji_sequence_longer_than_a_piece_is_cut_between_its_code_points()
    {
        var family = "👨‍👩‍👧";

        var pieces = WeChatText.Split(family, 8);

        Assert.Equal(family, string.Concat(pieces));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1]) || char.IsLowSurrogate(p[0]), p));
    }

    [Fact]
    public void Blank_lines_at_a_cut_are_dropped_and_no_piece_is_empty()
    {
        var text = "第一段" + new string('\n', 5) + "第二段\r\n\r\n第三段\n\n";

        var pieces = WeChatText.Split(text, 10);

        Assert.Equal(["第一段", "第二段", "第三段"], pieces);
    }

    [Fact]
    public void Line_breaks_inside_a_piece_are_kept()
    {
        var pieces = WeChatText.Split("1. 岗位\n2. 培训\n3. 维权\n4. 返岗", 30);

        Assert.Equal(["1. 岗位\n2. 培训\n3. 维权", "4. 返岗"], pieces);
    }

    [Fact]
    public void A_limit_too_small_for_any_character_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeChatText.Split("好", 3));
    }

    private static IEnumerable<string> TextElements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }
}
