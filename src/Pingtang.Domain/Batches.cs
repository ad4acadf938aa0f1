using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain;

/// <summary>How a scheduled job walks a long list in short runs: by id, one batch after the last id it has done.</summary>
internal static class Batches
{
    /// <summary>The first <paramref name="count"/> of <paramref name="ids"/> above <paramref name="afterId"/>, in order.</summary>
    public static async Task<IReadOnlyList<int>> NextBatchAsync(this IQueryable<int> ids, int afterId, int count, CancellationToken cancellationToken) =>
        await ids.Where(id => id > afterId).OrderBy(id => id).Take(count).ToListAsync(cancellationToken);
}
