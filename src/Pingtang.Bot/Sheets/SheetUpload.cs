using Pingtang.Bot.Staff;
using Pingtang.Domain.Sheets;

namespace Pingtang.Bot.Sheets;

/// <summary>
/// A spreadsheet uploaded on a staff page (field <c>file</c>): read from the form, or the page that says what was wrong
/// with the upload. The staff area's form filter has read the form already (and answered a body too large or broken),
/// so here it comes from memory.
/// </summary>
public static class SheetUpload
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public const string TooLarge = StaffForms.TooLarge;

    /// <summary>The uploaded sheet, or the problem page (linking back to <paramref name="back"/>) when there is none to import.</summary>
    public static async Task<(IFormFile? File, IResult? Problem)> ReadAsync(HttpContext http, string back, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var file = (await http.Request.ReadFormAsync(cancellationToken)).Files.GetFile("file");

        return file switch
        {
            null or { Length: 0 } => (null, Problem(ImportTexts.NoFile, StatusCodes.Status400BadRequest, back)),
            { Length: > MaxBytes } => (null, Problem(TooLarge, StatusCodes.Status413PayloadTooLarge, back)),
            _ when !Sheet.IsSupported(file.FileName) => (null, Problem(SheetTexts.WrongExtension, StatusCodes.Status400BadRequest, back)),
            _ => (file, null),
        };
    }

    private static IResult Problem(string message, int statusCode, string back) => ConsolePage.Notice("导入失败", message, statusCode, back);
}
