using System.Buffers;

namespace Pingtang.Bot.Dialogs.Recognizers;

/// <summary>
/// Cleans a worker's free-typed answer before any recognizer looks at it: full-width ASCII to half-width,
/// whitespace collapsed and trimmed, trailing punctuation and surrounding quotes removed.
/// </summary>
public static class TextNormalizer
{
    private const int StackLimit = 256;

    // Full-width forms of these have already been folded to ASCII when they are checked.
    private const string TrailingPunctuation = "。.!?,~〜…;、";
    private const string Quotes = "\"'“”‘’「」『』";

    /// <summary>Returns the cleaned text, or "" for null or blank input; never throws.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        char[]? rented = null;
        Span<char> buffer = text.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            int length = 0;
            bool pendingSpace = false;
            foreach (char raw in text)
            {
                char c = Fold(raw);
                if (IsInvisible(c))
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                buffer[length++] = c;
            }

            ReadOnlySpan<char> result = TrimNoise(buffer[..length]);
            // Most answers are already clean: hand back the caller's string rather than a copy.
            return result.SequenceEqual(text) ? text : new string(result);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    internal static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    // Zero-width characters arrive when answers are pasted from WeChat articles.
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF';

    private static ReadOnlySpan<char> TrimNoise(ReadOnlySpan<char> text)
    {
        int before;
        do
        {
            before = text.Length;
            text = text.Trim(' ');
            text = text.TrimEnd(TrailingPunctuation);
            text = text.Trim(Quotes);
        }
        while (text.Length != before);

        return text;
    }
}
