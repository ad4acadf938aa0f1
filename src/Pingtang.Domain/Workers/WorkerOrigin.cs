namespace Pingtang.Domain.Workers;

/// <summary>
/// Where a worker first reached the service, as the QR code they scanned says: a township's poster (their 户籍
/// township) or a station's desk (the labour cooperation station near where they work).
/// </summary>
public sealed record WorkerOrigin(string? Township, int? StationId);
