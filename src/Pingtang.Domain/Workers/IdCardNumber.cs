using System.Text;

namespace Pingtang.Domain.Workers;

/// <summary>
/// A citizen ID-card number (公民身份号码, GB 11643): 6 digits of the place of registration, the birth date as
/// yyyyMMdd, 3 of sequence and a check character (0–9 or X). Only the protected form and a mask are ever kept.
/// </summary>
public static class IdCardNumber
{
    public const int Length = 18;

    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>The number as workers type it, without spaces, in half-width, with a capital X; null when blank.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var plain = new StringBuilder(Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                plain.Append(char.ToUpperInvariant(c));
            }
        }

        return plain.ToString();
    }

    /// <summary>Why <paramref name="text"/> is not a valid number on <paramref name="today"/>, in words a worker can act on; null when it is.</summary>
    public static string? Problem(string? text, DateOnly today)
    {
        var number = Normalize(text) ?? "";
        if (number.Length != Length || number[0] == '0' || !number[..^1].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(number[^1]) || number[^1] == 'X'))
        {
            return "身份证号应为18位数字，最后一位可能是X";
        }

        if (!DateOnly.TryParseExact(number[6..14], "yyyyMMdd", out var born) || born < EarliestBirth || born > today)
        {
            return "身份证号里的出生日期不对，请核对后重新输入";
        }

        return CheckCharacter(number) != number[^1] ? "身份证号有一位不对（校验不通过），请核对后重新输入" : null;
    }

    /// <summary>What staff see: the prefecture (5227 is 黔南州) and the last four, which a worker can confirm on the phone.</summary>
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Length == Length ? string.Concat(number.AsSpan(0, 4), new string('*', Length - 8), number.AsSpan(Length - 4)) : new string('*', number.Length);
    }

    /// <summary>Checks <paramref name="text"/> and protects it; a wrong number is a <see cref="DomainException"/>.</summary>
    public static ProtectedIdNumber Protect(string? text, DateOnly today, IIdNumberProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (Problem(text, today) is { } problem)
        {
            throw new DomainException(problem);
        }

        var number = Normalize(text)!;
        return new ProtectedIdNumber(protector.Protect(number), Mask(number));
    }

    // GB 11643: the weighted sum of the first 17 digits, modulo 11, picks the check character.
    private static char CheckCharacter(string number) =>
        CheckCharacters[Weights.Select((weight, i) => weight * (number[i] - '0')).Sum() % 11];
}
