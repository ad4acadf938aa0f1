using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Training;
using Columns = Pingtang.Domain.Training.TrainingSessionImport.Columns;

namespace Pingtang.Domain.Tests.Training;

public sealed class TrainingSessionImportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_misspelt_header_is_named_with_the_headers_of_the_session_template()
    {
        var row = new TrainingSessionRow("PT-2026-01", "焊工", TrainingData.Welding).Cells();
        row.Remove(Columns.AgeMax);
        row["年龄上线"] = 55;
        var csv = $"{string.Join(',', row.Keys)}\n{string.Join(',', row.Values)}\n";

        await using var db = _database.Open();
        var result = await new TrainingSessionImport(db, _database.Clock, NullLogger<TrainingSessionImport>.Instance)
            .ImportFileAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "培训班.csv", default);

        Assert.Equal(1, result.Report.Added);
        Assert.Equal(["年龄上线"], result.Report.UnknownColumns);
        Assert.Equal(
            $"这些列不认识，已忽略：年龄上线。如果是写错了表头，请改成模板里的：{string.Join(',', Columns.All)}",
            SheetTexts.UnknownColumnsNote(result.Report));
    }
}
