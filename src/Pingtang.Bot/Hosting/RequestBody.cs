namespace Pingtang.Bot.Hosting;

/// <summary>Request bodies read with a limit of our own, far below the server's 30 MB, before anything parses them.</summary>
public static class RequestBody
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes: the body, or null when it is longer. A longer body is never
    /// buffered, and the server's own limit is never reached, so it ends as a plain 413 rather than an exception.
    /// </summary>
    public static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > limit ? null : buffer[..read];
    }
}
