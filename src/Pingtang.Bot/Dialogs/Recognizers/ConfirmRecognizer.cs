namespace Pingtang.Bot.Dialogs.Recognizers;

/// <summary>
/// Reads a yes/no answer (是/好/对/嗯/可以… or 不/否/算了/没有…, plus 1/2 for numbered buttons); anything
/// starting with 不 or 没 is a no unless it is a known yes such as 没问题.
/// </summary>
public static class ConfirmRecognizer
{
    private const int MaxLength = 32;

    // Sentence-final particles that do not change the answer: 好的呀, 可以啊, 不用了.
    private const string Particles = "啊呀吧呢哈嘛啦了哦喔嘞哟的";

    /// <summary>True for yes, false for no, null when the answer is neither (the prompt asks again).</summary>
    public static bool? Recognize(string? text)
    {
        string normalized = TextNormalizer.Normalize(text);
        if (normalized.Length is 0 or > MaxLength)
        {
            return null;
        }

        Span<char> lower = stackalloc char[normalized.Length];
        normalized.AsSpan().ToLowerInvariant(lower);

        // "嗯,好的" and "不用了,谢谢": every decisive part must agree; courtesies are ignored.
        bool? answer = null;
        foreach (Range range in ((ReadOnlySpan<char>)lower).SplitAny(", "))
        {
            ReadOnlySpan<char> part = lower[range];
            if (part.IsEmpty || IsCourtesy(part))
            {
                continue;
            }

            bool? partAnswer = RecognizePart(part);
            if (partAnswer is null || (answer is not null && answer != partAnswer))
            {
                return null;
            }

            answer = partAnswer;
        }

        return answer;
    }

    private static bool? RecognizePart(ReadOnlySpan<char> text)
    {
        if (Lookup(text) is bool exact)
        {
            return exact;
        }

        // Repeats first, so that "好的好的" is not cut to "好的好" by the particle trim.
        ReadOnlySpan<char> collapsed = CollapseRepeats(text);
        ReadOnlySpan<char> trimmed = collapsed;
        while (trimmed.Length > 1 && Particles.Contains(trimmed[^1]))
        {
            trimmed = trimmed[..^1];
        }

        if ((Lookup(collapsed) ?? Lookup(trimmed) ?? Lookup(CollapseRepeats(trimmed))) is bool sloppy)
        {
            return sloppy;
        }

        // 不去了, 没空, 莫得: a refusal however it goes on (Guizhou speech uses 莫 for 没).
        return trimmed[0] is '不' or '没' or '莫' or '别' ? false : null;
    }

    /// <summary>"嗯嗯嗯" → "嗯", "好的好的" → "好的", "对对对" → "对".</summary>
    private static ReadOnlySpan<char> CollapseRepeats(ReadOnlySpan<char> text)
    {
        for (int unit = 1; unit <= text.Length / 2; unit++)
        {
            if (text.Length % unit != 0)
            {
                continue;
            }

            ReadOnlySpan<char> head = text[..unit];
            bool repeats = true;
            for (int i = unit; i < text.Length && repeats; i += unit)
            {
                repeats = text.Slice(i, unit).SequenceEqual(head);
            }

            if (repeats)
            {
                return head;
            }
        }

        return text;
    }

    private static bool IsCourtesy(ReadOnlySpan<char> text) =>
        text is "谢谢" or "谢谢你" or "谢了" or "多谢" or "麻烦了" or "辛苦了" or "麻烦你了";

    private static bool? Lookup(ReadOnlySpan<char> text) => text switch
    {
        "是" or "是的" or "对" or "对的" or "好" or "好的" or "可以" or "行" or "确认" or "确定" or "嗯" or "要"
            or "同意" or "没问题" or "没错" or "不错" or "没毛病" or "好嘞" or "对头" or "要得" or "恩" or "ok"
            or "okay" or "y" or "yes" or "1" or "👍" or "👌" => true,
        "否" or "不" or "不是" or "不对" or "不好" or "不要" or "不用" or "不行" or "不同意" or "算了"
            or "没有" or "莫得" or "要不得" or "n" or "no" or "2" or "👎" => false,
        _ => null,
    };
}
