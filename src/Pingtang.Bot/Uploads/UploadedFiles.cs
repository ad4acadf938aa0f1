using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Uploads;

/// <summary>
/// The files workers send, for the channels that receive them and the features and staff pages that read them:
/// store a request's files (<see cref="Begin"/>), give a file's link, and find and read a file from a link that an
/// activity carried (what a complaint keeps as its evidence).
/// </summary>
public sealed class UploadedFiles(IDbContextFactory<BotDb> dbFactory, DataFolder dataFolder, UploadLinks links, TimeProvider time)
{
    internal const string Folder = "uploads";

    /// <summary>Starts storing one request's files; disposing it without committing deletes what it wrote.</summary>
    public UploadBatch Begin(string conversationId, UploadLimits limits) => new(this, conversationId, limits, time);

    /// <summary>A link the channel can put in an activity's <c>contentUrl</c>: signed, and valid for a while.</summary>
    public Uri LinkFor(Uri baseUrl, UploadedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return links.For(baseUrl, file.Id);
    }

    /// <summary>
    /// The stored file a <c>contentUrl</c> of ours names, expired or not; null for any other URL. The caller decides
    /// who may see it (see <see cref="UploadLinks.FileIdOf"/>).
    /// </summary>
    public async Task<UploadedFile?> FindAsync(string contentUrl, CancellationToken cancellationToken) =>
        UploadLinks.FileIdOf(contentUrl) is { } id ? await FindByIdAsync(id, cancellationToken) : null;

    /// <summary>
    /// The file a <c>contentUrl</c> names, as the answer to a staff page that has checked who may see it: our own
    /// stored file, or a redirect to another channel's web address; 404 when there is no such file.
    /// </summary>
    public async Task<IResult> ServeAsync(string contentUrl, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (UploadLinks.FileIdOf(contentUrl) is null)
        {
            return Uri.TryCreate(contentUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? Results.Redirect(url.AbsoluteUri)
                : Results.NotFound();
        }

        return await FindAsync(contentUrl, cancellationToken) is { } file && OpenRead(file) is { } content
            ? AttachmentDownload.Of(file, content, response)
            : Results.NotFound();
    }

    public async Task<UploadedFile?> FindByIdAsync(string fileId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<UploadedFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
    }

    /// <summary>The file's content, or null when there is no such file (or its bytes are gone from the data folder).</summary>
    public async Task<Stream?> OpenReadAsync(string fileId, CancellationToken cancellationToken)
    {
        var file = await FindByIdAsync(fileId, cancellationToken);
        return file is null ? null : OpenRead(file);
    }

    internal Stream? OpenRead(UploadedFile file)
    {
        try
        {
            return new FileStream(FullPath(file.StoragePath), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Where a new file goes: a month's folder under <c>uploads/</c>, named by its id alone.</summary>
    internal (string StoragePath, string FullPath) PlaceFor(string fileId, DateTimeOffset now)
    {
        var storagePath = $"{Folder}/{now.UtcDateTime:yyyy}/{now.UtcDateTime:MM}/{fileId}";
        var full = FullPath(storagePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return (storagePath, full);
    }

    internal async Task SaveAsync(IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AddRange(files);
        await db.SaveChangesAsync(cancellationToken);
    }

    private string FullPath(string storagePath) => Path.Combine(dataFolder.Path, storagePath.Replace('/', Path.DirectorySeparatorChar));
}
