using System.Globalization;
using System.Text;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// Chinese has no spaces between words, so the full-text index holds every pair of neighbouring characters (CJK
/// bigrams): 辣椒采摘 is indexed as 辣椒 椒采 采摘, and a search for 采摘 is a phrase of its own bigrams. Latin letters
/// and digits stay whole words. SQLite's FTS5 then finds a word anywhere in the text without a dictionary.
/// </summary>
public static class JobSearchTerms
{
    /// <summary>Only the start of a long description is indexed: the title, trade and place carry the meaning.</summary>
    public const int DescriptionIndexedLength = 200;

    public static string Of(string title, string trade, string tradeGroup, string employer, string province, string city, string district, string description)
    {
        var terms = new StringBuilder();
        foreach (var text in new[] { title, trade, tradeGroup, employer, province, city, district, Truncate(description) })
        {
            foreach (var term in Split(text))
            {
                terms.Append(term).Append(' ');
            }
        }

        return terms.ToString().TrimEnd();
    }

    /// <summary>
    /// An FTS5 match expression that finds every word (all must appear), or null when no word has a searchable
    /// character. A single Chinese character matches as a prefix of the bigrams it starts.
    /// </summary>
    public static string? Match(IEnumerable<string> words)
    {
        var phrases = words
            .Select(word => Split(word).ToList())
            .Where(terms => terms.Count > 0)
            .Select(terms => terms is [var one] && IsSingleCharacter(one) ? $"\"{one}\"*" : $"\"{string.Join(' ', terms)}\"")
            .ToList();
        return phrases.Count == 0 ? null : string.Join(" AND ", phrases);
    }

    /// <summary>The index terms of one piece of text: bigrams of each run of Chinese, whole runs of letters or digits.</summary>
    public static IEnumerable<string> Split(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                var start = i;
                while (i < text.Length && IsCjk(text[i]))
                {
                    i++;
                }

                if (i - start == 1)
                {
                    yield return text[start].ToString();
                }

                for (var j = start; j + 1 < i; j++)
                {
                    yield return text.Substring(j, 2);
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && !IsCjk(text[i]))
                {
                    i++;
                }

                yield return text[start..i].ToLowerInvariant();
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>A term that is one Chinese character: a word of its own, which no bigram equals.</summary>
    public static bool IsSingleCharacter(string term) => term.Length == 1 && IsCjk(term[0]);

    private static string Truncate(string text) => text.Length <= DescriptionIndexedLength ? text : text[..DescriptionIndexedLength];

    private static bool IsCjk(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u2E80';
}
