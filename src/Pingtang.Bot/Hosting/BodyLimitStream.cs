namespace Pingtang.Bot.Hosting;

/// <summary>Thrown by <see cref="BodyLimitStream"/>: the request body is longer than its limit.</summary>
public sealed class BodyTooLargeException(long limit) : Exception($"The request body is longer than {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// A request body read as it streams, cut off once it passes <paramref name="limit"/> bytes — for bodies too large to
/// read whole first (<see cref="RequestBody"/>), whose parser must still stop at our limit and not the server's.
/// Its exception is no <see cref="IOException"/>, so a parser that turns read errors into "malformed" lets it through.
/// </summary>
public sealed class BodyLimitStream(Stream inner, long limit) : ForwardReadStream
{
    private long _read;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        _read += read;
        return _read > limit ? throw new BodyTooLargeException(limit) : read;
    }
}
