using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>
/// Thrown by <see cref="WeChatXml.Parse"/> for a body that is not a push WeChat's server would send: malformed, with a
/// DTD or entities, too large, not rooted at <c>&lt;xml&gt;</c>, or with a number that is not one.
/// </summary>
public sealed class WeChatXmlException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// The XML of the Official Account: reading WeChat's pushes into <see cref="WeChatMessage"/> and writing passive
/// replies. The endpoint is on the open internet and, in plaintext mode, the body is not signed, so reading refuses
/// DTDs outright — no entity expansion (billion laughs), no external entities (a file read or a request on our behalf)
/// — and bounds the size before any parsing. Writing goes through <see cref="XmlWriter"/>, so no text from a user can
/// end an element early.
/// </summary>
public static class WeChatXml
{
    /// <summary>
    /// The largest body read, in UTF-8 bytes. A push is a few hundred bytes and what the user typed; this holds some
    /// 16,000 Chinese characters even in safe mode (3 bytes each, then a third more for Base64), more than anyone types
    /// into a chat, while the bound keeps a forged body cheap to refuse.
    /// </summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,

        // UTF-16 characters never outnumber UTF-8 bytes, so this is no looser than MaxBytes.
        MaxCharactersInDocument = MaxBytes,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        OmitXmlDeclaration = true,

        // Line breaks in a reply are the user's line breaks: written as they are, not as this machine's.
        NewLineHandling = NewLineHandling.None,
    };

    /// <summary>Reads a push from WeChat's server; elements it does not know are ignored.</summary>
    public static WeChatMessage Parse(string xml)
    {
        if (xml.Length > MaxBytes || Encoding.UTF8.GetByteCount(xml) > MaxBytes)
        {
            throw new WeChatXmlException($"The XML is longer than {MaxBytes} bytes.");
        }

        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings);
            root = XElement.Load(reader);
        }
        catch (XmlException e)
        {
            // Where, and whether a DTD was refused, not the parser's own words: they can quote the text it choked on,
            // and that is the worker's.
            var what = e.Message.Contains("DTD", StringComparison.Ordinal) ? "has a DTD, which is refused" : "cannot be read";
            throw new WeChatXmlException($"The XML {what} (line {e.LineNumber}, position {e.LinePosition}).", e);
        }

        if (root.Name != "xml")
        {
            throw new WeChatXmlException($"The root element is <{root.Name}>, not <xml>.");
        }

        return new WeChatMessage
        {
            ToUserName = Text(root, "ToUserName"),
            FromUserName = Text(root, "FromUserName"),
            CreateTime = Whole(root, "CreateTime"),
            MsgType = Text(root, "MsgType"),
            MsgId = Whole(root, "MsgId"),
            MsgDataId = Text(root, "MsgDataId"),
            Idx = Text(root, "Idx"),
            Content = Text(root, "Content"),
            PicUrl = Text(root, "PicUrl"),
            MediaId = Text(root, "MediaId"),
            Format = Text(root, "Format"),
            Recognition = Text(root, "Recognition"),
            ThumbMediaId = Text(root, "ThumbMediaId"),
            LocationX = Real(root, "Location_X"),
            LocationY = Real(root, "Location_Y"),
            Scale = Text(root, "Scale"),
            Label = Text(root, "Label"),
            Title = Text(root, "Title"),
            Description = Text(root, "Description"),
            Url = Text(root, "Url"),
            Event = Text(root, "Event"),
            EventKey = Text(root, "EventKey"),
            Ticket = Text(root, "Ticket"),
            MenuId = Text(root, "MenuId"),
            Latitude = Text(root, "Latitude"),
            Longitude = Text(root, "Longitude"),
            Precision = Text(root, "Precision"),
            Encrypt = Text(root, "Encrypt"),
        };
    }

    /// <summary>
    /// The passive reply (被动回复) of a text message, returned as the body of WeChat's POST. Characters XML 1.0
    /// cannot carry are dropped; a <c>]]&gt;</c> in the text is written across two CDATA sections, so it reads back.
    /// </summary>
    public static string TextReply(string toUser, string fromUser, long createTime, string content) =>
        Document(writer =>
        {
            CData(writer, "ToUserName", toUser);
            CData(writer, "FromUserName", fromUser);
            writer.WriteElementString("CreateTime", createTime.ToString(CultureInfo.InvariantCulture));
            CData(writer, "MsgType", "text");
            CData(writer, "Content", content);
        });

    /// <summary>Safe mode's reply: the envelope around a reply encrypted with <see cref="WeChatCipher.Encrypt"/>.</summary>
    public static string EncryptedReply(string encrypt, string msgSignature, string timeStamp, string nonce) =>
        Document(writer =>
        {
            CData(writer, "Encrypt", encrypt);
            CData(writer, "MsgSignature", msgSignature);
            writer.WriteElementString("TimeStamp", XmlText(timeStamp));
            CData(writer, "Nonce", nonce);
        });

    private static string? Text(XElement root, string name) => root.Element(name)?.Value;

    private static long? Whole(XElement root, string name) =>
        Number(root, name) is not { } text ? null
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw NotANumber(name);

    private static double? Real(XElement root, string name) =>
        Number(root, name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw NotANumber(name);

    // An element present but empty reads as absent: WeChat writes empty elements for values it has none of.
    private static string? Number(XElement root, string name) => Text(root, name) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static WeChatXmlException NotANumber(string name) => new($"<{name}> is not a number.");

    private static string Document(Action<XmlWriter> writeElements)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, WriterSettings))
        {
            writer.WriteStartElement("xml");
            writeElements(writer);
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    // XmlWriter itself ends the section after "]]" and opens another for the ">".
    private static void CData(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(name);
        writer.WriteCData(XmlText(value));
        writer.WriteEndElement();
    }

    /// <summary>The text without the characters XML 1.0 forbids (most control characters, lone surrogates, U+FFFE/U+FFFF).</summary>
    private static string XmlText(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }

        return kept.ToString();
    }
}
