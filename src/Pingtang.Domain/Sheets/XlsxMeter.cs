using System.Buffers;

namespace Pingtang.Domain.Sheets;

/// <summary>
/// Counts the bytes the parts of one .xlsx really inflate to (a zip's declared sizes can lie) and, in an XML part,
/// measures each piece of markup as its bytes pass: XmlReader hands text over in chunks, but reads a tag with its
/// attributes, a comment, a CDATA section or a processing instruction whole into memory. Throws
/// <see cref="DomainException"/> past <see cref="SheetLimits"/>.
/// </summary>
internal sealed class XlsxMeter
{
    private static readonly SearchValues<byte> TagStops = SearchValues.Create("\"'>"u8);

    private long _total;
    private long _part;
    private bool _xml;
    private Markup _markup;
    private long _markupLength;
    private byte _quote;
    private byte _last;
    private byte _beforeLast;

    private enum Markup
    {
        None,
        Open,
        Bang,
        BangDash,
        Tag,
        Quoted,
        Comment,
        CData,
        Instruction,
    }

    /// <summary>The stream of the next part, counted; its markup is measured when it is <paramref name="xml"/>.</summary>
    public Stream Part(Stream part, bool xml)
    {
        _part = 0;
        _xml = xml;
        _markup = Markup.None;
        return new CountingStream(part, this);
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        _part += bytes.Length;
        _total += bytes.Length;
        if (_part > SheetLimits.XlsxPartBytes || _total > SheetLimits.XlsxTotalBytes)
        {
            throw new DomainException(SheetTexts.XlsxTooLarge);
        }

        if (_xml)
        {
            Measure(bytes);
        }
    }

    private void Measure(ReadOnlySpan<byte> bytes)
    {
        // Excel writes UTF-8, where a NUL byte never stands in XML; UTF-16 and UTF-32 have one in nearly every
        // character, and the markup could not be told from the text byte by byte.
        if (bytes.Contains((byte)0))
        {
            throw new DomainException(SheetTexts.NotUtf8Xml);
        }

        for (var at = 0; at < bytes.Length; at++)
        {
            // Text up to the next tag, and a tag up to a quote or its end, change nothing but the length: skip to what does.
            var rest = bytes[at..];
            var skipped = _markup switch
            {
                Markup.None => rest.IndexOf((byte)'<'),
                Markup.Tag => rest.IndexOfAny(TagStops),
                Markup.Quoted => rest.IndexOf(_quote),
                _ => 0,
            };
            if (_markup != Markup.None)
            {
                Grow(skipped < 0 ? rest.Length : skipped);
            }

            if (skipped < 0)
            {
                return;
            }

            at += skipped;
            if (_markup == Markup.None)
            {
                _markup = Markup.Open;
                _markupLength = 1;
            }
            else
            {
                _markup = Next(bytes[at]);
                Grow(_markup == Markup.None ? 0 : 1);
            }
        }
    }

    private void Grow(int length)
    {
        _markupLength += length;
        if (_markupLength > SheetLimits.XmlMarkupBytes)
        {
            throw new DomainException(SheetTexts.MarkupTooLong);
        }
    }

    /// <summary>Where the markup stands after <paramref name="b"/>; a tag ends at the first '>' outside its attributes' quotes.</summary>
    private Markup Next(byte b)
    {
        var next = _markup switch
        {
            Markup.Open => b switch { (byte)'!' => Markup.Bang, (byte)'?' => Markup.Instruction, _ => InTag(b) },
            Markup.Bang => b switch { (byte)'-' => Markup.BangDash, (byte)'[' => Markup.CData, _ => InTag(b) },
            Markup.BangDash => b == '-' ? Markup.Comment : InTag(b),
            Markup.Tag => InTag(b),
            Markup.Quoted => b == _quote ? Markup.Tag : Markup.Quoted,
            Markup.Comment => EndsAfter((byte)'-', (byte)'-', b) ? Markup.None : Markup.Comment,
            Markup.CData => EndsAfter((byte)']', (byte)']', b) ? Markup.None : Markup.CData,
            _ => _last == '?' && b == '>' ? Markup.None : Markup.Instruction,
        };
        if (next is Markup.Comment or Markup.CData or Markup.Instruction && next != _markup)
        {
            // "<!--" and "<?" are not yet the end of what they open.
            _last = _beforeLast = 0;
        }
        else
        {
            (_beforeLast, _last) = (_last, b);
        }

        return next;
    }

    private Markup InTag(byte b)
    {
        switch (b)
        {
            case (byte)'>':
                return Markup.None;
            case (byte)'"' or (byte)'\'':
                _quote = b;
                return Markup.Quoted;
            default:
                return Markup.Tag;
        }
    }

    private bool EndsAfter(byte first, byte second, byte b) => _beforeLast == first && _last == second && b == '>';

    private sealed class CountingStream(Stream inner, XlsxMeter meter) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            meter.Count(buffer[..read]);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
