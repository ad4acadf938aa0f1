namespace Pingtang.Bot.Dialogs.Recognizers;

/// <summary>
/// Reads an answer that is one number, written in Arabic digits, Chinese numerals or a mix of both
/// ("6000", "六千", "三千五", "1.5万", "5k"), ignoring approximations and currency words around it.
/// </summary>
public static class ChineseNumber
{
    // Longest first, so that "块钱" goes before "块" and "个月" before "个".
    private static readonly string[] Prefixes = ["差不多", "大约", "大概", "大致", "估计", "至少", "最少", "起码", "最低", "人民币", "约", "¥", "￥"];

    private static readonly string[] Suffixes =
    [
        "人民币", "左右", "上下", "以上", "以下", "出头", "块钱", "元钱", "个月",
        "多", "元", "块", "钱", "个", "岁", "人", "位", "天", "年", "次",
    ];

    // Enough for wages and counts; keeps every intermediate far inside decimal's range.
    private const int MaxIntegerDigits = 15;
    private const int MaxFractionDigits = 8;

    /// <summary>True when the whole answer is one number; "3到5", "你好" and empty answers are rejected.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        string normalized = TextNormalizer.Normalize(text);
        return TryParseCore(Affixes.Strip(normalized, Prefixes, Suffixes), out value);
    }

    /// <summary>Like <see cref="TryParse"/>, but only for whole numbers that fit an <see cref="int"/>.</summary>
    public static bool TryParseInteger(string? text, out int value)
    {
        value = 0;
        if (!TryParse(text, out decimal number))
        {
            return false;
        }

        return TryToInt(number, out value);
    }

    /// <summary>Parses a bare numeral (no approximation or unit words), as used inside dates and ordinals.</summary>
    internal static bool TryParseIntegerCore(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        return TryParseCore(text, out decimal number) && TryToInt(number, out value);
    }

    /// <summary>The digit a character stands for (Arabic, Chinese, financial, 两, 幺), or -1.</summary>
    internal static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        '零' or '〇' => 0,
        '一' or '壹' or '幺' => 1,
        '二' or '贰' or '两' or '俩' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    private static int SmallUnit(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' or 'k' or 'K' => 1000,
        _ => 0,
    };

    private static decimal BigUnit(char c) => c switch
    {
        '万' or '萬' or 'w' or 'W' => 10_000m,
        '亿' or '億' => 100_000_000m,
        _ => 0m,
    };

    private static bool TryToInt(decimal number, out int value)
    {
        value = 0;
        if (number != decimal.Truncate(number) || number > int.MaxValue || number < int.MinValue)
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    /// <summary>
    /// Reads digits and units left to right the way a Chinese speaker says them: sections below 万 built from
    /// 千/百/十, closed by 万 or 亿; a digit left over after a unit means the next lower unit ("三千五" = 3500)
    /// unless a 零 came before it ("一百零五" = 105).
    /// </summary>
    private static bool TryParseCore(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        var state = new ParseState();
        int index = 0;
        bool previousWasNumber = false;
        bool sawNumber = false;
        while (index < text.Length)
        {
            char c = text[index];
            if (c == ' ')
            {
                index++;
                continue;
            }

            if (DigitValue(c) >= 0)
            {
                // Two numbers side by side ("3 5", "二三百") are a range or a list, not one number.
                if (previousWasNumber)
                {
                    return false;
                }

                int start = index;
                if (!TryReadRun(text, ref index, out Run run))
                {
                    return false;
                }

                if (run.IsChinese && run.SignificantDigits >= 2 && !IsWholePositional(text, start, index, run))
                {
                    return false;
                }

                previousWasNumber = true;
                sawNumber = true;
                if (run.StartsWithZero)
                {
                    state.ZeroSeen = true;
                }

                if (run.Value != 0)
                {
                    state.Pending = run.Value;
                    state.PendingIsSingleDigit = run.SignificantDigits == 1 && !run.HasFraction && !run.StartsWithZero;
                }

                continue;
            }

            int small = SmallUnit(c);
            if (small > 0)
            {
                if (!state.ApplySmallUnit(small))
                {
                    return false;
                }

                previousWasNumber = false;
                sawNumber = true;
                index++;
                continue;
            }

            decimal big = BigUnit(c);
            if (big > 0 && state.ApplyBigUnit(big))
            {
                previousWasNumber = false;
                index++;
                continue;
            }

            return false;
        }

        if (!sawNumber || !state.ResolvePending(allowBigAbbreviation: true))
        {
            return false;
        }

        value = state.Total + state.Section;
        return true;
    }

    // Digit-by-digit Chinese ("二零二六") is only a number when it is the whole answer; two digits
    // ("三五") usually mean "three or five".
    private static bool IsWholePositional(ReadOnlySpan<char> text, int start, int end, Run run) =>
        text[..start].Trim(' ').IsEmpty && text[end..].Trim(' ').IsEmpty && run.TotalDigits >= 3;

    private static bool TryReadRun(ReadOnlySpan<char> text, ref int index, out Run run)
    {
        run = default;
        bool chinese = text[index] is < '0' or > '9';
        decimal value = 0;
        decimal scale = 0.1m;
        int totalDigits = 0;
        int significant = 0;
        int fractionDigits = 0;
        bool inFraction = false;
        bool sawComma = false;
        int groupLength = 0;
        bool startsWithZero = DigitValue(text[index]) == 0;
        while (index < text.Length)
        {
            char c = text[index];
            int digit = DigitValue(c);
            bool sameScript = digit >= 0 && (c is < '0' or > '9') == chinese;
            if (sameScript)
            {
                if (inFraction)
                {
                    if (++fractionDigits > MaxFractionDigits)
                    {
                        return false;
                    }

                    value += digit * scale;
                    scale /= 10;
                }
                else
                {
                    value = (value * 10) + digit;
                    totalDigits++;
                    groupLength++;
                    if (significant > 0 || digit != 0)
                    {
                        significant++;
                    }

                    if (significant > MaxIntegerDigits)
                    {
                        return false;
                    }
                }

                index++;
                continue;
            }

            bool nextIsDigit = index + 1 < text.Length && DigitValue(text[index + 1]) >= 0
                && (text[index + 1] is < '0' or > '9') == chinese;
            if (!chinese && c == ',' && !inFraction && nextIsDigit)
            {
                // Thousands separators only: "6,000" yes, "1,3" (a list) no.
                if (sawComma ? groupLength != 3 : groupLength > 3)
                {
                    return false;
                }

                sawComma = true;
                groupLength = 0;
                index++;
                continue;
            }

            if ((chinese ? c == '点' : c == '.') && !inFraction && nextIsDigit)
            {
                inFraction = true;
                index++;
                continue;
            }

            break;
        }

        if (sawComma && groupLength != 3)
        {
            return false;
        }

        run = new Run(value, totalDigits, significant, fractionDigits > 0, chinese, chinese && startsWithZero);
        return true;
    }

    private readonly record struct Run(
        decimal Value, int TotalDigits, int SignificantDigits, bool HasFraction, bool IsChinese, bool StartsWithZero);

    private struct ParseState
    {
        public decimal Total;
        public decimal Section;
        public decimal? Pending;
        public bool PendingIsSingleDigit;
        public bool ZeroSeen;
        public int LastSmallUnit;
        public decimal LastBigUnit;

        public bool ApplySmallUnit(int unit)
        {
            if (LastSmallUnit != 0 && unit >= LastSmallUnit)
            {
                return false;
            }

            decimal multiplier;
            if (Pending is decimal pending)
            {
                // "15k" is fine; "三千15百" is not.
                if (Section != 0 && pending >= 10)
                {
                    return false;
                }

                multiplier = pending;
            }
            else if (unit == 10)
            {
                multiplier = 1; // "十五", "一百十"
            }
            else
            {
                return false;
            }

            Section += multiplier * unit;
            LastSmallUnit = unit;
            Pending = null;
            ZeroSeen = false;
            return true;
        }

        public bool ApplyBigUnit(decimal unit)
        {
            if (LastBigUnit != 0 && unit >= LastBigUnit)
            {
                return false;
            }

            if (!ResolvePending(allowBigAbbreviation: false) || Section == 0)
            {
                return false;
            }

            Total += Section * unit;
            Section = 0;
            LastSmallUnit = 0;
            LastBigUnit = unit;
            ZeroSeen = false;
            return true;
        }

        /// <summary>Adds a digit left over after the last unit to the current section.</summary>
        public bool ResolvePending(bool allowBigAbbreviation)
        {
            if (Pending is not decimal pending)
            {
                return true;
            }

            Pending = null;
            if (ZeroSeen || (LastSmallUnit == 0 && LastBigUnit == 0))
            {
                Section += pending;
            }
            else if (PendingIsSingleDigit && LastSmallUnit > 10)
            {
                Section += pending * (LastSmallUnit / 10); // 三千五 = 3500
            }
            else if (PendingIsSingleDigit && LastSmallUnit == 0 && allowBigAbbreviation)
            {
                Section += pending * (LastBigUnit / 10); // 一万二 = 12000
            }
            else
            {
                decimal limit = LastSmallUnit != 0 ? LastSmallUnit : LastBigUnit;
                if (pending >= limit)
                {
                    return false; // "3千5000"
                }

                Section += pending; // 二十三, 1万2000
            }

            return true;
        }
    }
}
