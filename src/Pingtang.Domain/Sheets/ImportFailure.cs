using Microsoft.Extensions.Logging;

namespace Pingtang.Domain.Sheets;

/// <summary>
/// An import that failed for a reason nobody expected — not the file's fault as far as anyone knows — logged for
/// whoever runs the service and told to staff as such, not as a damaged file.
/// </summary>
internal static class ImportFailure
{
    /// <summary>
    /// Logs the failure by the exceptions' types and where the innermost was thrown, never their messages, which the
    /// spreadsheet reader may fill with a cell's personal data; returns what staff are told.
    /// </summary>
    public static string Report(ILogger logger, string source, Exception exception)
    {
        var chain = new List<Exception>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        logger.LogError(
            "Import of {Source} failed unexpectedly: {Exceptions} {StackTrace}",
            source,
            string.Join(" ← ", chain.Select(e => e.GetType().FullName)),
            chain[^1].StackTrace);
        return SheetTexts.Unexpected;
    }
}
