using System.Reflection;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Pingtang.Bot.Staff;

/// <summary>
/// Rows as an .xlsx download: the staff pages' exports and templates. Text that a spreadsheet would take as the start
/// of a formula when a cell is edited — <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a line break first, e.g. a worker
/// who gave their name as <c>=HYPERLINK(…)</c> — is written behind an apostrophe, so it stays text.
/// </summary>
public static class XlsxDownload
{
    public static Task<IResult> FileAsync<TRow>(IEnumerable<TRow> rows, string fileName, CancellationToken cancellationToken)
        where TRow : notnull
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<ExcelColumnNameAttribute>()?.ExcelColumnName ?? p.Name))
            .ToList();
        var cells = rows.Select(row => row is IReadOnlyDictionary<string, object?> named
            ? named.ToDictionary(c => c.Key, c => AsText(c.Value))
            : columns.ToDictionary(c => c.Name, c => AsText(c.Property.GetValue(row))));
        return SaveAsync(cells, fileName, cancellationToken);
    }

    /// <summary>A value as it is safe to write: formula-like text made plain text, anything else as it is.</summary>
    private static object? AsText(object? value) =>
        value is string { Length: > 0 } text && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n'
            ? $"'{text}"
            : value;

    private static async Task<IResult> SaveAsync(IEnumerable<Dictionary<string, object?>> rows, string fileName, CancellationToken cancellationToken)
    {
        var file = new MemoryStream();
        await MiniExcel.SaveAsAsync(file, rows, cancellationToken: cancellationToken);
        file.Position = 0;
        return Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }
}
