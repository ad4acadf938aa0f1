using MiniExcelLibs;

namespace Pingtang.Bot.Staff;

/// <summary>Rows as an .xlsx download: the staff pages' exports and templates.</summary>
public static class XlsxDownload
{
    public static async Task<IResult> FileAsync(object rows, string fileName, CancellationToken cancellationToken)
    {
        var file = new MemoryStream();
        await MiniExcel.SaveAsAsync(file, rows, cancellationToken: cancellationToken);
        file.Position = 0;
        return Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }
}
