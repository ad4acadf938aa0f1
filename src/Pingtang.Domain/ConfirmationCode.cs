using System.Security.Cryptography;

namespace Pingtang.Domain;

/// <summary>The short code a worker quotes to staff for a 报名 (training or a return trip), read out over the phone.</summary>
public static class ConfirmationCode
{
    public const int Length = 6;

    // No 0/O, 1/I: the code is read out over the phone.
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => string.Create(Length, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
