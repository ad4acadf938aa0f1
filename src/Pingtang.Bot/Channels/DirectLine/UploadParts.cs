using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>Thrown by <see cref="UploadParts"/> when the client's multipart body cannot be read: its fault, a 400.</summary>
internal sealed class MalformedUploadException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The parts of an upload's multipart body, read as they stream. Every read error of the body — framing the reader
/// cannot follow, a body that ends early — becomes a <see cref="MalformedUploadException"/>, so that the caller can
/// tell the client's mistake (400) from a fault of the server's own, such as a full disk, which stays an error.
/// </summary>
internal sealed class UploadParts(string boundary, Stream body)
{
    private readonly MultipartReader _reader = new(boundary, body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };

    public async Task<Part?> NextAsync(CancellationToken cancellationToken)
    {
        MultipartSection? section;
        try
        {
            section = await _reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new MalformedUploadException("The multipart body cannot be read.", e);
        }

        if (section is null)
        {
            return null;
        }

        // A part without a readable Content-Disposition is still a file; it just has no name.
        var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var parsed) ? parsed : null;
        var fileName = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar ?? default).Value
            ?? HeaderUtilities.RemoveQuotes(disposition?.FileName ?? default).Value;
        return new Part(HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value, fileName, section.ContentType, new PartBody(section.Body));
    }

    /// <summary>One part: its form name, its file name, its declared type, and its content.</summary>
    public sealed record Part(string? Name, string? FileName, string? ContentType, Stream Body);

    private sealed class PartBody(Stream inner) : ForwardReadStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                throw new MalformedUploadException("The multipart body cannot be read.", e);
            }
        }
    }
}
