using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Sheets;

namespace Pingtang.Domain.Tests.Sheets;

/// <summary>Each of <see cref="SheetLimits"/> at the limit, read, and one past it, refused with the message that names it.</summary>
public sealed class SheetLimitsTests
{
    [Theory]
    [InlineData(SheetLimits.CellCharacters, long.MaxValue, null)]
    [InlineData(SheetLimits.CellCharacters + 1, long.MaxValue, "refused")]
    [InlineData(SheetLimits.CellCharacters + 1, 1024, "refused")]
    public void A_shared_string_may_be_as_long_as_excel_allows(long characters, long run, string? refused) =>
        Assert.Equal(refused is null ? null : SheetTexts.CellTooLong, Refusal(HandMadeXlsx.WithSharedString(characters, run)));

    [Theory]
    [InlineData(SheetLimits.CellCharacters, null)]
    [InlineData(SheetLimits.CellCharacters + 1, "refused")]
    public void An_inline_cell_may_be_as_long_as_excel_allows(int characters, string? refused)
    {
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, new[] { new Dictionary<string, object?> { ["岗位描述"] = new string('长', characters) } });

        Assert.Equal(refused is null ? null : SheetTexts.CellTooLong, Refusal(file.ToArray()));
    }

    [Theory]
    [InlineData("""<sheetData><row r="200000"><c r="IV200000"><v>1</v></c></row></sheetData>""", null)]
    [InlineData("""<sheetData><row r="200001"><c r="A200001"><v>1</v></c></row></sheetData>""", "rows")]
    [InlineData("""<sheetData><row r="1"><c r="IW1"><v>1</v></c></row></sheetData>""", "columns")]
    [InlineData("""<sheetData><row><c><v>1</v></c><c><v>2</v></c></row></sheetData>""", null)]
    [InlineData("""<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>""", "columns")]
    public void Rows_and_columns_count_by_their_numbers(string worksheet, string? refused) =>
        Assert.Equal(Limit(refused), Refusal(HandMadeXlsx.Build(worksheet)));

    public static TheoryData<string, Action<TextWriter>> EndlessMarkup => new()
    {
        { "an attribute", w => Write(w, """<si><t a=" """, '>', """ ">x</t></si>""") },
        { "an element's name", w => Write(w, "<si><t", 'x', "/></si>") },
        { "a comment", w => Write(w, "<!--", '<', "-->") },
        { "a CDATA section", w => Write(w, "<si><t><![CDATA[", '<', "]]></t></si>") },
        { "a processing instruction", w => Write(w, "<?x ", '>', "?>") },
    };

    [Theory]
    [MemberData(nameof(EndlessMarkup))]
    public void Markup_that_xml_readers_read_whole_is_bounded(string what, Action<TextWriter> sharedStrings)
    {
        Assert.NotNull(what);
        Assert.Equal(SheetTexts.MarkupTooLong, Refusal(HandMadeXlsx.Build("", sharedStrings)));
    }

    [Fact]
    public void Elements_nested_deeper_than_excel_nests_them_are_refused() =>
        Assert.Equal(SheetTexts.TooDeep, Refusal(HandMadeXlsx.Build("", w => w.Write(string.Concat(Enumerable.Repeat("<si>", 100)) + string.Concat(Enumerable.Repeat("</si>", 100))))));

    [Fact]
    public void A_zip_of_more_parts_than_a_workbook_has_is_refused()
    {
        var parts = Enumerable.Range(1, SheetLimits.XlsxParts).Select(i => ($"xl/media/image{i}.png", (Action<TextWriter>)(w => w.Write(i)))).ToArray();

        Assert.Equal(SheetTexts.TooManyParts, Refusal(HandMadeXlsx.Build("", null, parts)));
    }

    [Fact]
    public void An_xml_part_not_in_utf8_is_refused()
    {
        using var file = new MemoryStream();
        file.Write(HandMadeXlsx.Build(""));
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        using (var styles = new StreamWriter(zip.CreateEntry("xl/styles.xml").Open(), Encoding.Unicode))
        {
            styles.Write("<styleSheet/>");
        }

        Assert.Equal(SheetTexts.NotUtf8Xml, Refusal(file.ToArray()));
    }

    [Fact]
    public void Entities_from_a_document_type_are_not_expanded()
    {
        var laughs = """<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>""";
        var file = HandMadeXlsx.Build("", null, ("xl/laughs.xml", w => w.Write($"{laughs}<sst><si><t>&c;&c;&c;</t></si></sst>")));

        Assert.Equal(SheetTexts.UnreadableXlsx, Refusal(file));
    }

    [Theory]
    [InlineData(SheetLimits.XlsxPartBytes + 1, 1)]
    [InlineData((SheetLimits.XlsxTotalBytes / 3) + 1, 3)]
    public void What_parts_inflate_to_is_bounded_one_by_one_and_together(long bytes, int parts)
    {
        var zeros = Enumerable.Range(1, parts).Select(i => ($"xl/media/zeros{i}.bin", (Action<TextWriter>)(w => HandMadeXlsx.Repeat(w, '\0', bytes)))).ToArray();

        Assert.Equal(SheetTexts.XlsxTooLarge, Refusal(HandMadeXlsx.Build("", null, zeros)));
    }

    [Fact]
    public void Sizes_a_zip_declares_too_large_do_not_stop_a_good_sheet()
    {
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, new[] { new Dictionary<string, object?> { ["外部编号"] = "GD-1" } });

        var lying = HandMadeXlsx.DeclaringSize(file.ToArray(), "xl/worksheets/sheet1.xml", int.MaxValue);

        using var sheet = Sheet.Open(new MemoryStream(lying), "jobs.xlsx", ["外部编号"], ["外部编号"], default);

        Assert.Equal(2, Assert.Single(sheet.Rows()).Line);
    }

    [Fact]
    public void Sizes_a_zip_declares_too_small_cut_the_parts_short_and_the_file_is_unreadable() =>
        Assert.Equal(SheetTexts.UnreadableXlsx, Refusal(HandMadeXlsx.DeclaringSize(HandMadeXlsx.WithSharedString(100_000_000), "xl/sharedStrings.xml", 100)));

    [Theory]
    [InlineData(SheetLimits.CellCharacters, null)]
    [InlineData(SheetLimits.CellCharacters + 1, "cell")]
    public void A_csv_cell_may_be_as_long_as_excel_allows_even_across_lines(int characters, string? refused)
    {
        var cell = new StringBuilder("\"").Append('长', characters - 1).Insert(characters / 2, '\n').Append('"');

        Assert.Equal(Limit(refused), Refusal(Encoding.UTF8.GetBytes($"名称\n{cell}\n"), "sheet.csv"));
    }

    [Fact]
    public void A_csv_line_of_many_long_cells_is_refused()
    {
        var line = string.Join(',', Enumerable.Repeat(new string('长', 30_000), 40));

        Assert.Equal(SheetTexts.CsvLineTooLong, Refusal(Encoding.UTF8.GetBytes($"名称\n{line}\n"), "sheet.csv"));
    }

    [Theory]
    [InlineData(SheetLimits.Rows, SheetLimits.Columns, null)]
    [InlineData(SheetLimits.Rows + 1, 1, "rows")]
    [InlineData(2, SheetLimits.Columns + 1, "columns")]
    public void A_csvs_rows_and_columns_are_bounded(int rows, int columns, string? refused)
    {
        var text = new StringBuilder().Append(',', columns - 1).Append('\n').Insert(0, "名称").Append('\n', rows - 1).ToString();

        Assert.Equal(Limit(refused), Refusal(Encoding.UTF8.GetBytes(text), "sheet.csv"));
    }

    [Theory]
    [InlineData(ExcelType.XLSX, "jobs.xlsx")]
    [InlineData(ExcelType.CSV, "jobs.csv")]
    public void A_station_sheet_of_100000_postings_is_read_whole(ExcelType type, string fileName)
    {
        const int count = 100_000;
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, DemoJobs.Generate(count, new DateOnly(2026, 11, 29)).Select(JobSheet.CellsOf), excelType: type);
        file.Position = 0;

        using var sheet = JobSheet.Open(file, fileName, default);

        Assert.Equal(count, sheet.Rows().Count());
    }

    /// <summary>What opening the file says to staff, or null when it opens.</summary>
    private static string? Refusal(byte[] file, string fileName = "sheet.xlsx")
    {
        try
        {
            using var sheet = Sheet.Open(new MemoryStream(file), fileName, [], [], default);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    private static string? Limit(string? refused) => refused switch
    {
        null => null,
        "rows" => SheetTexts.TooManyRows,
        "columns" => SheetTexts.TooManyColumns,
        _ => SheetTexts.CellTooLong,
    };

    /// <summary><paramref name="open"/>, then 2 MB of <paramref name="filler"/>, then <paramref name="close"/>.</summary>
    private static void Write(TextWriter writer, string open, char filler, string close)
    {
        writer.Write(open);
        HandMadeXlsx.Repeat(writer, filler, 2 * SheetLimits.XmlMarkupBytes);
        writer.Write(close);
    }
}
