using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using Pingtang.Bot.Staff;

namespace Pingtang.Bot.Tests.Staff;

public sealed class XlsxDownloadTests
{
    [Fact]
    public async Task Text_that_would_start_a_formula_is_written_as_text_and_the_rest_as_it_is()
    {
        Row[] rows = [new("=HYPERLINK(\"http://evil.example\",\"点我\")", "+8613812345678", "-1", "@SUM(A1)", "张三", 3)];

        var cells = await ExportAsync(rows);

        Assert.Equal(["姓名", "手机号", "备注", "说明", "乡镇", "人数"], cells[0].Keys);
        Assert.Equal(["'=HYPERLINK(\"http://evil.example\",\"点我\")", "'+8613812345678", "'-1", "'@SUM(A1)", "张三", 3.0], cells[0].Values);
    }

    [Fact]
    public async Task Rows_of_named_cells_keep_their_column_names_and_are_made_safe_too()
    {
        var cells = await ExportAsync(new[] { new Dictionary<string, object?> { ["岗位名称"] = "=1+1", ["月薪"] = 6000 } } as IEnumerable<IReadOnlyDictionary<string, object?>>);

        Assert.Equal(["'=1+1", 6000.0], cells[0].Values);
    }

    private static async Task<List<IDictionary<string, object?>>> ExportAsync<TRow>(IEnumerable<TRow> rows)
        where TRow : notnull
    {
        var result = await XlsxDownload.FileAsync(rows, "导出.xlsx", default);
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        body.Position = 0;
        return [.. MiniExcel.Query(body, useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    private sealed record Row(
        [property: ExcelColumnName("姓名")] string Name,
        [property: ExcelColumnName("手机号")] string Mobile,
        [property: ExcelColumnName("备注")] string Note,
        [property: ExcelColumnName("说明")] string Remark,
        [property: ExcelColumnName("乡镇")] string Township,
        [property: ExcelColumnName("人数")] int Count);
}
