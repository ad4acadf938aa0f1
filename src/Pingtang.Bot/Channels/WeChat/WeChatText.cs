using System.Globalization;
using System.Text;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// Cuts a long reply into messages WeChat accepts, so a long list of jobs arrives whole, in order, in several
/// messages rather than refused (errcode 45002, "content size out of limit") or cut off mid-character.
/// </summary>
public static class WeChatText
{
    /// <summary>
    /// WeChat's limit on a text message's content, in UTF-8 bytes: 2048. The Official Account's own documentation
    /// of the customer-service message (客服消息, sendCustomMessage) and of the passive reply (被动回复用户消息) states
    /// no figure, and WeChat's answer on its forum is only that it depends on what each client receives
    /// (https://developers.weixin.qq.com/community/develop/doc/0000c640098410b288407a50e66400). 2048 bytes is what
    /// developers measured and were answered there
    /// (https://developers.weixin.qq.com/community/develop/doc/00084e2936c340b9015a753405b800,
    /// https://github.com/MamaShip/Observer/issues/77), and the figure WeChat does document for the text of WeCom's
    /// sibling API (发送应用消息, "最长不超过2048个字节", https://developer.work.weixin.qq.com/document/path/90236);
    /// no documented figure is smaller. In Chinese that is about 680 characters, at 3 bytes each.
    /// </summary>
    public const int MaxBytes = 2048;

    // The longest UTF-8 encoding of one character, so that any text can be cut to pieces of this size.
    private const int MinBytes = 4;

    /// <summary>
    /// The text in pieces of at most <paramref name="maxBytes"/> UTF-8 bytes, in order, none empty. A text that fits
    /// is returned as it is. Otherwise pieces end at line breaks (the break itself is dropped, as are blank lines at
    /// a piece's ends); a single line longer than a piece is cut between characters as the reader sees them, so that
    /// neither a surrogate pair nor an emoji made of several code points is ever cut.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxBytes = MaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, MinBytes);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text.Length == 0 ? [] : [text];
        }

        var pieces = new List<string>();
        var piece = new StringBuilder();
        var pieceBytes = 0;

        foreach (var line in text.Split('\n'))
        {
            var lineBytes = Encoding.UTF8.GetByteCount(line);
            if (piece.Length > 0 && pieceBytes + 1 + lineBytes <= maxBytes)
            {
                piece.Append('\n').Append(line);
                pieceBytes += 1 + lineBytes;
                continue;
            }

            Flush();
            foreach (var part in lineBytes <= maxBytes ? [line] : Characters(line, maxBytes))
            {
                var partBytes = Encoding.UTF8.GetByteCount(part);
                if (pieceBytes + partBytes > maxBytes)
                {
                    Flush();
                }

                piece.Append(part);
                pieceBytes += partBytes;
            }
        }

        Flush();
        return pieces;

        void Flush()
        {
            // A CRLF text leaves its '\r' at the end of a line.
            var done = piece.ToString().Trim('\r', '\n');
            if (done.Length > 0)
            {
                pieces.Add(done);
            }

            piece.Clear();
            pieceBytes = 0;
        }
    }

    /// <summary>
    /// The line's user-perceived characters (grapheme clusters: 👨‍👩‍👧 is one); a cluster longer than a whole piece,
    /// which only a contrived text has, is given as its code points instead.
    /// </summary>
    private static IEnumerable<string> Characters(string line, int maxBytes)
    {
        for (var start = 0; start < line.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(line, start);
            var cluster = line.Substring(start, length);
            start += length;
            if (Encoding.UTF8.GetByteCount(cluster) <= maxBytes)
            {
                yield return cluster;
                continue;
            }

            for (var at = 0; at < cluster.Length;)
            {
                Rune.DecodeFromUtf16(cluster.AsSpan(at), out _, out var consumed);
                yield return cluster.Substring(at, consumed);
                at += consumed;
            }
        }
    }
}
