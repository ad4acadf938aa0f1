namespace Pingtang.Bot.Dialogs.Recognizers;

/// <summary>
/// Recognises a mainland China mobile number (11 digits, 1[3-9]…) however it is typed — spaced, dashed,
/// full-width, with +86, or read out in Chinese digits — and masks it for logs.
/// </summary>
public static class MobileNumber
{
    private const int MaxDigits = 16;

    // Workers often answer "手机:138…" or "电话是138…"; longest first.
    private static readonly string[] Labels = ["我的", "手机号码", "手机号", "手机", "电话号码", "电话", "号码", "联系方式", "是", ":"];

    /// <summary>True for an 11-digit mobile number; <paramref name="normalized"/> is then just the 11 digits.</summary>
    public static bool TryParse(string? text, out string normalized)
    {
        normalized = string.Empty;
        ReadOnlySpan<char> input = Affixes.Strip(TextNormalizer.Normalize(text), Labels, []);

        Span<char> digits = stackalloc char[MaxDigits];
        int count = 0;
        bool plus = false;
        foreach (char c in input)
        {
            int digit = ChineseNumber.DigitValue(c);
            if (digit >= 0)
            {
                if (count == MaxDigits)
                {
                    return false;
                }

                digits[count++] = (char)('0' + digit);
            }
            else if (c == '+' && count == 0 && !plus)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '—' or '(' or ')' or '.'))
            {
                return false;
            }
        }

        ReadOnlySpan<char> number = digits[..count];
        if (count == 13 && number.StartsWith("86"))
        {
            number = number[2..];
        }
        else if (count == 15 && number.StartsWith("0086") && !plus)
        {
            number = number[4..];
        }
        else if (plus)
        {
            return false; // a "+" is only welcome as +86
        }

        if (number.Length != 11 || number[0] != '1' || number[1] is < '3' or > '9')
        {
            return false;
        }

        normalized = new string(number);
        return true;
    }

    /// <summary>Hides the middle digits for logs and summaries: "13812345678" becomes "138****5678".</summary>
    public static string Mask(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length < 8)
        {
            return new string('*', normalized.Length);
        }

        return string.Create(normalized.Length, normalized, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            span[3..^4].Fill('*');
        });
    }
}
