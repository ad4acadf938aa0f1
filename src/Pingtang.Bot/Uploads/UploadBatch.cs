using System.Security.Cryptography;
using System.Buffers.Text;
using System.Globalization;

namespace Pingtang.Bot.Uploads;

/// <summary>Why a file of an upload was refused; the channel answers with the status that fits.</summary>
public enum UploadProblem
{
    TooManyFiles,
    FileTooLarge,
    TypeNotAllowed,
    Empty,
}

public sealed record UploadRefusal(UploadProblem Problem, string Message);

/// <summary>
/// One request's files, written to disk as they stream in (never held in memory) and recorded in the database only
/// when all of them passed. Whatever is not committed — a refused file, a later file refused, the client hanging up —
/// is deleted when the batch is disposed, so a failed upload leaves nothing behind; so is what was written only on its
/// way into the database (<see cref="UploadedFiles.InDatabase"/>).
/// </summary>
public sealed class UploadBatch : IAsyncDisposable
{
    private readonly UploadedFiles _files;
    private readonly string _conversationId;
    private readonly UploadLimits _limits;
    private readonly TimeProvider _time;
    private readonly List<(UploadedFile File, string FullPath)> _written = [];
    private bool _committed;

    internal UploadBatch(UploadedFiles files, string conversationId, UploadLimits limits, TimeProvider time)
    {
        _files = files;
        _conversationId = conversationId;
        _limits = limits;
        _time = time;
    }

    public IReadOnlyList<UploadedFile> Files => _written.ConvertAll(w => w.File);

    /// <summary>Writes one file; null when it was kept, or why it was refused (and then nothing of it is kept).</summary>
    public async Task<UploadRefusal?> AddAsync(Stream content, string? fileName, string? declaredType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (_written.Count >= _limits.MaxFiles)
        {
            return new UploadRefusal(UploadProblem.TooManyFiles, $"At most {_limits.MaxFiles} files can be sent at once.");
        }

        // Never derived from anything the client sent: 128 random bits, URL-safe.
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var now = _time.GetUtcNow();
        var (storagePath, fullPath) = _files.PlaceFor(id, now);
        var kept = false;
        try
        {
            var (size, sha256, contentType, refusal) = await WriteAsync(content, fullPath, fileName, declaredType, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var name = UploadNames.Clean(fileName);
            _written.Add((UploadedFile.Stored(id, _conversationId, contentType!, name, size, sha256, storagePath, now), fullPath));
            kept = true;
            return null;
        }
        finally
        {
            if (!kept)
            {
                File.Delete(fullPath);
            }
        }
    }

    /// <summary>Records every file written; from now on they are kept.</summary>
    public async Task<IReadOnlyList<UploadedFile>> CommitAsync(CancellationToken cancellationToken)
    {
        await _files.SaveAsync(_written, cancellationToken);
        _committed = true;
        return Files;
    }

    public ValueTask DisposeAsync()
    {
        if (!_committed || _files.InDatabase)
        {
            foreach (var (_, fullPath) in _written)
            {
                File.Delete(fullPath);
            }

            _written.Clear();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A size as a person reads it in a refusal: "10 MB", "512 KB".</summary>
    internal static string SizeText(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.## 'MB'", CultureInfo.InvariantCulture)
        : (bytes / 1024.0).ToString("0.## 'KB'", CultureInfo.InvariantCulture);

    private async Task<(long Size, string Sha256, string? ContentType, UploadRefusal? Refusal)> WriteAsync(
        Stream content, string fullPath, string? fileName, string? declaredType, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            // Workers' documents: only the service account reads them.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(fullPath, options);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[FileSignatures.HeadLength];
        var headLength = 0;
        var buffer = new byte[64 * 1024];
        long size = 0;
        int n;
        while ((n = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += n;
            if (size > _limits.MaxFileBytes)
            {
                return (0, "", null, new UploadRefusal(UploadProblem.FileTooLarge, $"A file can be at most {SizeText(_limits.MaxFileBytes)}."));
            }

            var copy = Math.Min(n, head.Length - headLength);
            buffer.AsSpan(0, copy).CopyTo(head.AsSpan(headLength));
            headLength += copy;
            hash.AppendData(buffer, 0, n);
            await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
        }

        if (size == 0)
        {
            return (0, "", null, new UploadRefusal(UploadProblem.Empty, "A file is empty."));
        }

        var contentType = FileSignatures.Detect(head.AsSpan(0, headLength), declaredType, fileName);
        if (contentType is null && FileSignatures.IsZip(head.AsSpan(0, headLength)))
        {
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            contentType = FileSignatures.OfficeOpenXml(file);
        }

        return contentType is null
            ? (0, "", null, new UploadRefusal(UploadProblem.TypeNotAllowed, "Only photos (JPEG, PNG, GIF, WebP, HEIC), recordings (AMR, MP3, M4A, Ogg), PDF and Word or Excel documents can be sent."))
            : (size, Convert.ToHexStringLower(hash.GetHashAndReset()), contentType, null);
    }
}
