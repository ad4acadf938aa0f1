namespace Pingtang.Bot.Hosting;

/// <summary>Request bodies read with a limit of our own, far below the server's 30 MB, before anything parses them.</summary>
public static class RequestBody
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes: the body, or null when it is longer. A longer body is never
    /// buffered, and the server's own limit is never reached, so it ends as a plain 413 rather than an exception.
    /// </summary>
    public static Task<byte[]?> ReadAtMostAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadAtMostAsync(request.Body, request.ContentLength, limit, cancellationToken);
    }

    /// <summary>The same for any stream, e.g. one part of a multipart body; <paramref name="length"/> when it is declared.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream source, long? length, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (length > limit)
        {
            return null;
        }

        // Sized by the body's declared length when it has one: a buffer of the whole limit for every request would be
        // a large-object allocation each time (the turn benchmark saw gen-2 collections from it).
        using var body = new MemoryStream(length is { } declared ? (int)declared : 4096);
        var chunk = new byte[Math.Min(limit + 1, 16 * 1024)];
        int n;
        while ((n = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            body.Write(chunk, 0, n);
            if (body.Length > limit)
            {
                return null;
            }
        }

        return body.ToArray();
    }
}
