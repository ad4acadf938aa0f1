namespace Pingtang.Bot.Dialogs.Recognizers;

/// <summary>The words people wrap an answer in: "大约六千块", "第三个", "手机：138…".</summary>
internal static class Affixes
{
    /// <summary>
    /// Strips any of <paramref name="prefixes"/> from the start and <paramref name="suffixes"/> from the end, again and
    /// again, with the spaces around them. An affix that is the whole answer stays: "是" alone is not an empty answer.
    /// Lists go longest first, so that "块钱" is tried before "块".
    /// </summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text, string[] prefixes, string[] suffixes)
    {
        int before;
        do
        {
            before = text.Length;
            text = text.Trim(' ');
            foreach (var suffix in suffixes)
            {
                if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
                {
                    text = text[..^suffix.Length].TrimEnd(' ');
                    break;
                }
            }

            foreach (var prefix in prefixes)
            {
                if (text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    text = text[prefix.Length..].TrimStart(' ');
                    break;
                }
            }
        }
        while (text.Length != before);

        return text;
    }
}
