using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class ComplaintEvidenceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_photos_and_files_sent_with_a_complaint_are_kept_with_the_case_in_their_order()
    {
        EvidenceDraft[] evidence =
        [
            new("欠条.jpg", "image/jpeg", "https://jiuye.example.gov.cn/v3/directline/files/a1"),
            new("考勤表.pdf", "application/pdf", "https://jiuye.example.gov.cn/v3/directline/files/b2"),
        ];

        var filed = await _database.FileAsync(Cases.Arrears with { Evidence = evidence });

        await using var db = _database.Open();
        var stored = await db.Complaints.Include(c => c.Evidence).SingleAsync(c => c.Id == filed.Id);
        Assert.Equal(
            evidence.Select(e => (e.Name, e.ContentType, e.ContentUrl, _database.Clock.GetUtcNow())),
            stored.Evidence.OrderBy(e => e.Id).Select(e => (e.Name, e.ContentType, e.ContentUrl, e.AddedAt)));
    }

    [Theory]
    [InlineData("", "image/jpeg", "https://example.org/a")]
    [InlineData("a.jpg", "image/jpeg", "data:image/jpeg;base64,AAAA")]
    [InlineData("a.jpg", "image/jpeg", "/files/a")]
    public async Task Evidence_without_a_name_or_an_address_staff_can_open_files_nothing(string name, string contentType, string contentUrl)
    {
        await Assert.ThrowsAsync<DomainException>(() => _database.FileAsync(Cases.Arrears with { Evidence = [new(name, contentType, contentUrl)] }));

        await using var db = _database.Open();
        Assert.Empty(db.Complaints);
    }

    [Fact]
    public async Task An_address_longer_than_the_column_is_refused()
    {
        var url = "https://example.org/" + new string('a', ComplaintEvidence.ContentUrlMaxLength);

        Assert.NotNull(ComplaintEvidence.Validate(new("a.jpg", "image/jpeg", url)));
        Assert.Null(ComplaintEvidence.Validate(new("a.jpg", "image/jpeg", url[..ComplaintEvidence.ContentUrlMaxLength])));
    }
}
