using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Stations;
using Columns = Pingtang.Domain.Jobs.JobPostingDraft.Columns;

namespace Pingtang.Domain.Tests.Jobs;

public sealed class JobImportTests : IAsyncLifetime
{
    private static readonly JobPostingDraft Good = JobDrafts.Factory with { ExternalId = "DL-001", District = "大朗", HousingProvided = false, Headcount = 30 };

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Good_rows_of_an_xlsx_become_postings_with_the_file_as_source()
    {
        using var file = Xlsx(Row(Good), Row(Good with { ExternalId = "DL-002", Title = "仓库叉车司机", Trade = "叉车" }));

        var report = await ImportAsync(file, "大朗站11月岗位.xlsx");

        Assert.Null(report.FileError);
        Assert.Equal((2, 0, 0), (report.Added, report.Updated, report.Skipped));
        await using var db = _database.Open();
        var posting = await db.JobPostings.Include(j => j.Station).SingleAsync(j => j.ExternalId == "DL-001");
        Assert.Equal(("广东省", "东莞市", "大朗镇", "普工"), (posting.Province, posting.City, posting.District, posting.TradeGroup));
        Assert.Equal((5000, 6500, true, false, 30), (posting.MonthlyPayMin, posting.MonthlyPayMax, posting.MealsProvided, posting.HousingProvided, posting.Headcount));
        Assert.Equal((Station.DongguanDalang, new DateOnly(2027, 3, 31), "大朗站11月岗位.xlsx"), (posting.Station!.Name, posting.ClosesOn, posting.Source));
    }

    [Fact]
    public async Task Re_importing_updates_by_external_id_instead_of_duplicating()
    {
        using (var first = Xlsx(Row(Good), Row(Good with { ExternalId = "DL-002" })))
        {
            await ImportAsync(first, "first.xlsx");
        }

        using var second = Xlsx(Row(Good with { MonthlyPayMax = 7000 }), Row(Good with { ExternalId = "DL-002" }), Row(Good with { ExternalId = "DL-003" }));
        var report = await ImportAsync(second, "second.xlsx");

        Assert.Equal((1, 2, 0), (report.Added, report.Updated, report.Skipped));
        await using var db = _database.Open();
        Assert.Equal(["DL-001", "DL-002", "DL-003"], await db.JobPostings.OrderBy(j => j.ExternalId).Select(j => j.ExternalId).ToListAsync());
        var updated = await db.JobPostings.SingleAsync(j => j.ExternalId == "DL-001");
        Assert.Equal((7000, "second.xlsx"), (updated.MonthlyPayMax, updated.Source));
    }

    [Fact]
    public async Task Each_bad_row_is_reported_by_line_and_column_and_skipped_while_good_rows_import()
    {
        using var file = Xlsx(
            Row(Good),
            Row(Good with { ExternalId = "B-TITLE", Title = "" }),
            Row(Good with { ExternalId = "B-PAY", MonthlyPayMin = 8000, MonthlyPayMax = 6000 }),
            Row(Good with { ExternalId = "B-STATION", Station = "深圳站" }),
            Row(Good with { ExternalId = "B-PAST", ClosesOn = new DateOnly(2026, 11, 28) }),
            Row(Good with { ExternalId = "B-NUMBER" }, (Columns.MonthlyPayMin, "六千")),
            Row(Good with { ExternalId = "B-DATE" }, (Columns.ClosesOn, "下个月底")),
            Row(Good with { ExternalId = "B-EMPTYDATE" }, (Columns.ClosesOn, null)),
            Row(Good with { ExternalId = "B-MEALS" }, (Columns.Meals, "看情况")),
            Row(Good),
            Row(Good with { ExternalId = "DL-OK" }));

        var report = await ImportAsync(file, "bad.xlsx");

        Assert.Equal((2, 0, 9), (report.Added, report.Updated, report.Skipped));
        Assert.Equal(
            [
                (3, Columns.Title), (4, Columns.MonthlyPayMax), (5, Columns.Station), (6, Columns.ClosesOn), (7, Columns.MonthlyPayMin),
                (8, Columns.ClosesOn), (9, Columns.ClosesOn), (10, Columns.Meals), (11, Columns.ExternalId),
            ],
            report.Problems.Select(p => (p.Line, p.Column)));
        Assert.Equal(9, report.ProblemCount);
        Assert.Contains("「深圳站」", report.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("「六千」", report.Problems[4].Message, StringComparison.Ordinal);
        Assert.Contains("第2行", report.Problems[8].Message, StringComparison.Ordinal);
        await using var db = _database.Open();
        Assert.Equal(["DL-001", "DL-OK"], await db.JobPostings.OrderBy(j => j.ExternalId).Select(j => j.ExternalId).ToListAsync());
    }

    [Fact]
    public async Task A_row_reports_all_its_problems_at_once()
    {
        using var file = Xlsx(Row(Good with { Title = "", Station = "某站" }, (Columns.AgeMax, "很老")));

        var report = await ImportAsync(file, "bad.xlsx");

        Assert.Equal(1, report.Skipped);
        Assert.Equal([Columns.Title, Columns.AgeMax, Columns.Station], report.Problems.Select(p => p.Column));
    }

    [Fact]
    public async Task Cells_typed_loosely_are_read_as_stations_mean_them()
    {
        using var file = Xlsx(Row(
            Good,
            (Columns.MonthlyPayMin, "5,000元"),
            (Columns.MonthlyPayMax, "０.６５万"),
            (Columns.Meals, "√"),
            (Columns.Housing, "包"),
            (Columns.AgeMax, "不限"),
            (Columns.Headcount, "30人"),
            (Columns.ClosesOn, "2027年3月31日")));

        var report = await ImportAsync(file, "loose.xlsx");

        Assert.Empty(report.Problems);
        await using var db = _database.Open();
        var posting = await db.JobPostings.SingleAsync();
        Assert.Equal((5000, 6500, true, true, null, 30, new DateOnly(2027, 3, 31)), (posting.MonthlyPayMin, posting.MonthlyPayMax, posting.MealsProvided, posting.HousingProvided, posting.AgeMax, posting.Headcount, posting.ClosesOn));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_utf8_csv_with_or_without_bom_is_read_with_headers_in_any_order(bool bom)
    {
        var text = """"
            联系站点,截止日期,外部编号,岗位名称,工种,用人单位,省,市,区县,月薪下限,月薪上限,包吃,包住,岗位描述
            东莞市大朗镇劳务协作站,2027/3/31,CSV-1,毛织厂车工,车工,"东莞嘉和毛织有限公司",广东,东莞,大朗,"6,000",9000,是,是,"计件，多劳多得"
            东莞市大朗镇劳务协作站,2027/3/31,CSV-2,包装工,包装工,某厂,广东,东莞,大朗,5000,,否,否,"第一行
            第二行，有""引号"""

            东莞市大朗镇劳务协作站,2027/3/31,,缺编号,普工,某厂,广东,东莞,大朗,5000,,否,否,
            东莞市大朗镇劳务协作站,2027/3/31,CSV-3,短行
            """";
        using var file = new MemoryStream([.. (bom ? Encoding.UTF8.Preamble : []), .. Encoding.UTF8.GetBytes(text)]);

        var report = await ImportAsync(file, "jobs.CSV");

        Assert.Null(report.FileError);
        Assert.Equal((2, 2), (report.Added, report.Skipped));
        Assert.Equal([(5, Columns.ExternalId), (6, Columns.Trade)], report.Problems.Select(p => (p.Line, p.Column)).Take(2));
        await using var db = _database.Open();
        var postings = await db.JobPostings.OrderBy(j => j.ExternalId).ToListAsync();
        Assert.Equal(("东莞嘉和毛织有限公司", 6000, "计件，多劳多得"), (postings[0].Employer, postings[0].MonthlyPayMin, postings[0].Description));
        Assert.Equal("第一行\n第二行，有\"引号\"", postings[1].Description);
    }

    [Fact]
    public async Task A_csv_in_another_encoding_gets_a_clear_answer_and_changes_nothing()
    {
        var gbk = new byte[] { 0xCD, 0xE2, 0xB2, 0xBF, 0xB1, 0xE0, 0xBA, 0xC5, 0x0A }; // 外部编号 in GBK
        using var file = new MemoryStream(gbk);

        var report = await ImportAsync(file, "jobs.csv");

        Assert.Equal(SheetTexts.NotUtf8, report.FileError);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_missing_required_header_is_a_whole_file_error()
    {
        using var file = Xlsx(Row(Good).Where(c => c.Key is not Columns.ExternalId and not Columns.ClosesOn).ToDictionary());

        var report = await ImportAsync(file, "jobs.xlsx");

        Assert.Contains($"{Columns.ExternalId}、{Columns.ClosesOn}", report.FileError, StringComparison.Ordinal);
        Assert.Equal((0, 0), (report.Added, report.Skipped));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Optional_columns_may_be_left_out_of_the_sheet()
    {
        using var file = Xlsx(JobSheet.RequiredColumns.Append(Columns.DailyPay).ToDictionary(c => c, c => Row(Good with { DailyPay = 180 })[c]));

        var report = await ImportAsync(file, "jobs.xlsx");

        Assert.Equal(1, report.Added);
    }

    [Fact]
    public async Task A_misspelt_header_is_named_so_staff_see_why_its_cells_were_ignored()
    {
        var row = Row(Good with { MonthlyPayMax = null });
        row.Remove(Columns.MonthlyPayMin);
        row["月薪下线"] = 5000;
        using var file = Xlsx(row);

        var report = await ImportAsync(file, "jobs.xlsx");

        Assert.Equal(["月薪下线"], report.UnknownColumns);
        Assert.Equal([(2, Columns.MonthlyPayMin)], report.Problems.Select(p => (p.Line, p.Column)));
        Assert.Contains("月薪下线", SheetTexts.UnknownColumnsNote(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jobs.xlsx", SheetTexts.UnreadableXlsx)]
    [InlineData("jobs.xls", SheetTexts.WrongExtension)]
    [InlineData("jobs.txt", SheetTexts.WrongExtension)]
    public async Task A_file_that_is_not_a_job_sheet_gets_a_clear_answer(string fileName, string expected)
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("这不是表格"));

        var report = await ImportAsync(file, fileName);

        Assert.Equal(expected, report.FileError);
    }

    [Fact]
    public async Task An_empty_file_is_a_whole_file_error()
    {
        using var file = new MemoryStream();

        Assert.Equal(SheetTexts.EmptyFile, (await ImportAsync(file, "jobs.csv")).FileError);
    }

    [Fact]
    public async Task Many_rows_go_in_batches_reporting_progress_to_the_end()
    {
        const int count = 5_000;
        var today = ChinaTime.Today(_database.Clock);
        using var file = Xlsx([.. DemoJobs.Generate(count, today).Select(JobSheet.CellsOf)]);
        var progress = new List<ImportProgress>();

        var report = await ImportAsync(file, "demo.xlsx", new Recorder(progress));

        Assert.Equal((count, 0, 0), (report.Added, report.Updated, report.Skipped));
        Assert.Equal(count / JobImport.BatchSize + 1, progress.Count);
        Assert.Equal(progress.OrderBy(p => p.RowsRead).Select(p => p.Fraction), progress.Select(p => p.Fraction));
        Assert.Equal(new ImportProgress(count, count, 0, 0, 1), progress[^1]);
        Assert.Equal(count, await CountAsync());
    }

    [Fact]
    public async Task An_unexpected_failure_is_logged_without_the_files_text_and_reported_as_such()
    {
        var logger = new RecordingLogger();
        await using var db = _database.Open();

        var report = await new JobImport(db, _database.Clock, logger).ImportFileAsync(new FailingStream(), "jobs.xlsx", null, CancellationToken.None);

        Assert.Equal(SheetTexts.Unexpected, report.FileError);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("jobs.xlsx", entry.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(IOException).FullName!, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_keeps_its_text_clean_however_it_was_made()
    {
        var draft = JobDrafts.Factory with { Employer = "东莞\u202E某电子\u0007有限公司", Description = "长白班\uFEFF\n坐着上班" };

        Assert.Equal(("东莞某电子有限公司", "长白班\n坐着上班"), (draft.Employer, draft.Description));
    }

    private async Task<ImportReport> ImportAsync(Stream file, string fileName, IProgress<ImportProgress>? progress = null)
    {
        await using var db = _database.Open();
        return await new JobImport(db, _database.Clock, NullLogger<JobImport>.Instance).ImportFileAsync(file, fileName, progress, CancellationToken.None);
    }

    private async Task<int> CountAsync()
    {
        await using var db = _database.Open();
        return await db.JobPostings.CountAsync();
    }

    private static Dictionary<string, object?> Row(JobPostingDraft draft, params (string Column, object? Value)[] cells)
    {
        var row = JobSheet.CellsOf(draft);
        foreach (var (column, value) in cells)
        {
            row[column] = value;
        }

        return row;
    }

    private static MemoryStream Xlsx(params Dictionary<string, object?>[] rows)
    {
        var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows);
        file.Position = 0;
        return file;
    }

    /// <summary>Records progress as it is reported, unlike <see cref="Progress{T}"/>, which posts it to the thread pool.</summary>
    private sealed class Recorder(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }

    /// <summary>A file whose disk fails as it is read, with personal data in the error, as a reader's errors may quote cells.</summary>
    private sealed class FailingStream() : MemoryStream(new byte[1024])
    {
        public override int Read(Span<byte> buffer) => throw new IOException("王师傅 13812345678");

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("王师傅 13812345678");
    }

    private sealed class RecordingLogger : ILogger<JobImport>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception) + exception));
    }
}
