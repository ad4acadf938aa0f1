using System.Text;

namespace Pingtang.Domain.Complaints;

/// <summary>
/// One employer however workers write it, so that complaints naming it can be linked: by its 统一社会信用代码 when
/// one is given, otherwise by its name without spaces, punctuation, width differences and the company-form ending
/// (“东莞 大朗 宏达制衣有限公司” and “东莞大朗宏达制衣公司” are one employer).
/// </summary>
public static class Employer
{
    // Longest first, so that 有限责任公司 is not cut to 有限责任.
    private static readonly string[] FormEndings = ["股份有限公司", "有限责任公司", "有限公司", "公司"];

    /// <summary>The key two complaints about the same employer share; null when neither a name nor a code is given.</summary>
    public static string? Key(string? name, string? creditCode)
    {
        if (CreditCode(creditCode) is { } code)
        {
            return "code:" + code;
        }

        var plain = Plain(name);
        foreach (var ending in FormEndings)
        {
            if (plain.Length > ending.Length && plain.EndsWith(ending, StringComparison.Ordinal))
            {
                plain = plain[..^ending.Length];
                break;
            }
        }

        return plain.Length == 0 ? null : "name:" + plain;
    }

    /// <summary>An 18-character 统一社会信用代码 in capitals, or null when <paramref name="text"/> is not one.</summary>
    public static string? CreditCode(string? text)
    {
        var code = Plain(text).ToUpperInvariant();
        return code.Length == 18 && code.All(char.IsAsciiLetterOrDigit) ? code : null;
    }

    private static string Plain(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        return plain.ToString();
    }
}
