namespace Pingtang.Bot.Dialogs.Recognizers;

/// <summary>
/// Maps an answer to a numbered list onto the options: by number ("1", "一", "第一个", "选1", "①") or by the
/// option's own words, whole or a part that only one option contains.
/// </summary>
public static class ChoiceRecognizer
{
    private static readonly string[] OrdinalPrefixes = ["我选", "我要", "选择", "选", "要", "第"];
    private static readonly string[] OrdinalSuffixes = ["个", "项", "号", "条", "种", "位", "吧"];
    private static readonly string[] AllWords = ["全部", "全选", "都要", "全都要", "全要"];

    // Between choices in a multi-select answer; 和/跟/及 are tried only when a part is not itself an option.
    private const string Separators = " ,、;/+&|。.";
    private const string Conjunctions = "和跟及与";

    /// <summary>The 0-based index of the chosen option, or null when nothing, or more than one option, matches.</summary>
    public static int? Recognize(string? text, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string normalized = TextNormalizer.Normalize(text);
        return normalized.Length == 0 ? null : RecognizeOne(normalized, options, allowContainedOption: true);
    }

    /// <summary>
    /// The chosen indexes of a multi-select answer ("1 3 5", "1、3", "1和3", "焊工 电工"), distinct and in the
    /// order given; null if any part is not recognised or nothing was given.
    /// </summary>
    public static IReadOnlyList<int>? RecognizeMany(string? text, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        // An option whose own words contain a separator ("水电 安装") must still be choosable on its own.
        if (FindExact(normalized, options) is int whole)
        {
            return [whole];
        }

        if (AllWords.Contains(normalized))
        {
            return options.Count == 0 ? null : Enumerable.Range(0, options.Count).ToArray();
        }

        var chosen = new List<int>();
        foreach (Range range in normalized.AsSpan().SplitAny(Separators))
        {
            ReadOnlySpan<char> part = normalized.AsSpan()[range].Trim(' ');
            if (!part.IsEmpty && !TryAddPart(part, options, chosen))
            {
                return null;
            }
        }

        return chosen.Count == 0 ? null : chosen;
    }

    private static bool TryAddPart(ReadOnlySpan<char> part, IReadOnlyList<string> options, List<int> chosen)
    {
        // Within a list, "电工" must not be found inside "焊工电工": only whole words or a part of one option.
        if (RecognizeOne(part.ToString(), options, allowContainedOption: false) is int index)
        {
            AddDistinct(chosen, index);
            return true;
        }

        if (part.IndexOfAny(Conjunctions) >= 0)
        {
            foreach (Range range in part.SplitAny(Conjunctions))
            {
                ReadOnlySpan<char> piece = part[range].Trim(' ');
                if (!piece.IsEmpty && !TryAddPart(piece, options, chosen))
                {
                    return false;
                }
            }

            return true;
        }

        // "135" typed without separators, when the list is short enough that no option number has two digits.
        if (options.Count <= 9 && part.Length >= 2 && !part.ContainsAnyExceptInRange('1', '9'))
        {
            foreach (char digit in part)
            {
                int number = digit - '0';
                if (number > options.Count)
                {
                    return false;
                }

                AddDistinct(chosen, number - 1);
            }

            return true;
        }

        return false;
    }

    private static void AddDistinct(List<int> chosen, int index)
    {
        if (!chosen.Contains(index))
        {
            chosen.Add(index);
        }
    }

    private static int? RecognizeOne(string text, IReadOnlyList<string> options, bool allowContainedOption)
    {
        if (FindExact(text, options) is int exact)
        {
            return exact;
        }

        // An out-of-range number may still be an option's words ("2026" in "2026年春节专列").
        if (TryParseOrdinal(text, out int ordinal) && ordinal >= 1 && ordinal <= options.Count)
        {
            return ordinal - 1;
        }

        int? partial = FindUnique(options, option => option.Contains(text, StringComparison.OrdinalIgnoreCase), out bool ambiguous);
        if (partial is not null || ambiguous)
        {
            return partial; // ambiguous partial → null
        }

        // "焊工吧", "我要培训报名": the answer contains exactly one option. Skipped for refusals ("不要焊工").
        if (allowContainedOption && text[0] is not ('不' or '没' or '别'))
        {
            return FindUnique(options, option => text.Contains(option, StringComparison.OrdinalIgnoreCase), out _);
        }

        return null;
    }

    private static int? FindExact(string text, IReadOnlyList<string> options)
    {
        for (int i = 0; i < options.Count; i++)
        {
            if (string.Equals(TextNormalizer.Normalize(options[i]), text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private static int? FindUnique(IReadOnlyList<string> options, Func<string, bool> matches, out bool ambiguous)
    {
        int? found = null;
        ambiguous = false;
        for (int i = 0; i < options.Count; i++)
        {
            string option = TextNormalizer.Normalize(options[i]);
            if (option.Length == 0 || !matches(option))
            {
                continue;
            }

            if (found is not null)
            {
                ambiguous = true;
                return null;
            }

            found = i;
        }

        return found;
    }

    private static bool TryParseOrdinal(ReadOnlySpan<char> text, out int ordinal)
    {
        text = Affixes.Strip(text, OrdinalPrefixes, OrdinalSuffixes);

        // Circled numbers ①–⑳, as copied from menus.
        if (text.Length == 1 && text[0] is >= '\u2460' and <= '\u2473')
        {
            ordinal = text[0] - '\u2460' + 1;
            return true;
        }

        return ChineseNumber.TryParseIntegerCore(text, out ordinal);
    }
}
