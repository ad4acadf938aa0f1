using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Hosting;

namespace Pingtang.Bot.Uploads;

/// <summary>
/// The files workers send, for the channels that receive them and the features and staff pages that read them:
/// store a request's files (<see cref="Begin"/>), give a file's link, and find and read a file from a link that an
/// activity carried (what a complaint keeps as its evidence).
/// </summary>
/// <remarks>
/// Where the bytes go: the data folder on SQLite, as always; the database on PostgreSQL (<see cref="UploadedFileContent"/>),
/// so every instance behind the load balancer serves every file with nothing more to share or mount — a shared folder
/// setting would be one more thing an operator must get right on each machine, and an instance without it would keep
/// files the others cannot see. A file is at most <see cref="UploadLimits.MaxFileBytes"/> (10 MB): it streams to the
/// data folder's <c>incoming/</c> while it is checked, as on SQLite, and is read whole into memory only to be written or served.
/// </remarks>
public sealed class UploadedFiles(IDbContextFactory<BotDb> dbFactory, DataFolder dataFolder, Database database, UploadLinks links, TimeProvider time)
{
    internal const string Folder = "uploads";

    /// <summary>Where a file on its way into the database waits while it streams in and is checked, until the batch ends.</summary>
    internal const string IncomingFolder = "incoming";

    /// <summary>Whether new files go to the database, and what the batch wrote to disk is only on its way there.</summary>
    internal bool InDatabase => database.IsPostgres;

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

        return await FindAsync(contentUrl, cancellationToken) is { } file && await OpenReadAsync(file, cancellationToken) is { } content
            ? AttachmentDownload.Of(file, content, response)
            : Results.NotFound();
    }

    public async Task<UploadedFile?> FindByIdAsync(string fileId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<UploadedFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
    }

    /// <summary>The file's content, or null when there is no such file (or its bytes are gone).</summary>
    public async Task<Stream?> OpenReadAsync(string fileId, CancellationToken cancellationToken)
    {
        var file = await FindByIdAsync(fileId, cancellationToken);
        return file is null ? null : await OpenReadAsync(file, cancellationToken);
    }

    /// <summary>From where the file's row says it was kept, whichever provider keeps new files now.</summary>
    internal async Task<Stream?> OpenReadAsync(UploadedFile file, CancellationToken cancellationToken)
    {
        if (file.IsInDatabase)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var bytes = await db.Set<UploadedFileContent>().Where(c => c.FileId == file.Id).Select(c => c.Content).SingleOrDefaultAsync(cancellationToken);
            return bytes is null ? null : new MemoryStream(bytes, writable: false);
        }

        try
        {
            return new FileStream(FullPath(file.StoragePath), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Where a new file goes: a month's folder under <c>uploads/</c>, named by its id alone; or, for the database, no
    /// storage path and a file in the data folder's <c>incoming/</c> that the batch deletes when it ends.
    /// </summary>
    internal (string StoragePath, string FullPath) PlaceFor(string fileId, DateTimeOffset now)
    {
        if (InDatabase)
        {
            var incoming = Directory.CreateDirectory(dataFolder.File(IncomingFolder)).FullName;
            return (UploadedFile.InDatabasePath, Path.Combine(incoming, fileId));
        }

        var storagePath = $"{Folder}/{now.UtcDateTime:yyyy}/{now.UtcDateTime:MM}/{fileId}";
        var full = FullPath(storagePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return (storagePath, full);
    }

    /// <summary>Records the files of a batch, with their bytes from where they were written when they go to the database.</summary>
    internal async Task SaveAsync(IReadOnlyList<(UploadedFile File, string FullPath)> written, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var (file, fullPath) in written)
        {
            db.Add(file);
            if (file.IsInDatabase)
            {
                db.Add(new UploadedFileContent(file.Id, await File.ReadAllBytesAsync(fullPath, cancellationToken)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private string FullPath(string storagePath) => Path.Combine(dataFolder.Path, storagePath.Replace('/', Path.DirectorySeparatorChar));
}
