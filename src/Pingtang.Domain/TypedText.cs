using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Pingtang.Domain;

/// <summary>
/// Text that people typed — a worker's message, a staff form, a spreadsheet cell — without the characters nobody
/// means to type: controls (NUL, ESC), format characters (right-to-left overrides and embeddings, zero-width
/// characters, the BOM), noncharacters and lone surrogates. Shown raw they can make a staff page read backwards or
/// hide text, and nothing a person means is lost without them.
/// </summary>
public static class TypedText
{
    /// <summary>A list as staff type it in one field or cell: 掌布镇、通州镇, 掌布镇,通州镇 or 掌布镇 通州镇.</summary>
    public static IReadOnlyList<string> List(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// The text without those characters; the line break of multi-line text stays, and a tab, which separates words,
    /// becomes a space. Returns the same instance when there is nothing to remove.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        StringBuilder? clean = null;
        var copied = 0;
        for (var at = 0; at < text.Length;)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(at), out var rune, out var length);
            var replacement = status != OperationStatus.Done ? "" : rune.Value == '\t' ? " " : IsUnwanted(rune) ? "" : null;
            if (replacement is not null)
            {
                clean ??= new StringBuilder(text.Length);
                clean.Append(text, copied, at - copied).Append(replacement);
                copied = at + length;
            }

            at += length;
        }

        return clean is null ? text : clean.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsUnwanted(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control => rune.Value != '\n',
        UnicodeCategory.Format => true,

        // Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane.
        _ => rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE,
    };
}
