using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Pingtang.Bot.Uploads;

/// <summary>
/// <c>GET /attachments/{fileId}?expires=…&amp;sig=…</c>: a stored file through its signed link, as the file it is.
/// Only images are shown inline (Web Chat's <c>&lt;img&gt;</c>); anything else is a download, so a PDF or document
/// never opens as a page of this site. A wrong or expired link gets a bare 403, an unknown file a bare 404.
/// </summary>
internal static class AttachmentDownload
{
    public static void MapAttachmentDownload(this IEndpointRouteBuilder app) =>
        app.MapGet(UploadLinks.PathPrefix + "{fileId}", DownloadAsync);

    private static async Task<Results<FileStreamHttpResult, StatusCodeHttpResult>> DownloadAsync(
        string fileId, string? expires, string? sig, HttpResponse response, UploadLinks links, UploadedFiles files, CancellationToken cancellationToken)
    {
        if (links.Check(fileId, expires, sig) != LinkCheck.Valid)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await files.FindByIdAsync(fileId, cancellationToken) is not { } file || await files.OpenReadAsync(file, cancellationToken) is not { } content)
        {
            return TypedResults.StatusCode(StatusCodes.Status404NotFound);
        }

        response.Headers.CacheControl = "private, max-age=3600";
        return Of(file, content, response);
    }

    /// <summary>A worker's document: never reinterpreted by the browser, and opened as a page only when it is an image.</summary>
    internal static FileStreamHttpResult Of(UploadedFile file, Stream content, HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        return FileSignatures.IsImage(file.ContentType)
            ? TypedResults.Stream(content, file.ContentType)
            : TypedResults.Stream(content, file.ContentType, fileDownloadName: file.OriginalName);
    }
}
