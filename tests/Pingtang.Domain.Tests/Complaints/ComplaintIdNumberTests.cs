using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Tests.Workers;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class ComplaintIdNumberTests : IAsyncLifetime
{
    private const string Number = "522727199001011231";

    private readonly AesIdNumberProtector _protector = new();

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_id_number_is_kept_encrypted_and_masked_and_comes_back_with_the_key()
    {
        var filed = await FileAsync(IdCardNumber.Protect(Number, ChinaTime.Today(_database.Clock), _protector));

        await using var db = _database.Open();
        var stored = await db.Complaints.SingleAsync(c => c.Id == filed.Id);
        Assert.Equal("5227**********1231", stored.IdNumberMasked);
        Assert.Equal(Number, stored.RevealIdNumber(_protector));
        Assert.Throws<System.Security.Cryptography.AuthenticationTagMismatchException>(() => stored.RevealIdNumber(new AesIdNumberProtector()));
        var row = await RowTextAsync(db, filed.Id);
        Assert.Contains("5227**********1231", row, StringComparison.Ordinal);
        Assert.DoesNotContain("19900101", row, StringComparison.Ordinal);
        Assert.DoesNotContain("7199001011", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_without_an_id_number_has_none_and_staff_can_record_one_later()
    {
        var filed = await FileAsync(idNumber: null);
        await using var db = _database.Open();
        var stored = await db.Complaints.SingleAsync(c => c.Id == filed.Id);
        Assert.Null(stored.RevealIdNumber(_protector));

        stored.RecordIdNumber(IdCardNumber.Protect("11010519491231002X", ChinaTime.Today(_database.Clock), _protector));
        await db.SaveChangesAsync();

        await using var again = _database.Open();
        Assert.Equal("1101**********002X", (await again.Complaints.SingleAsync(c => c.Id == filed.Id)).IdNumberMasked);
    }

    [Fact]
    public async Task A_protected_number_that_is_not_one_is_refused()
    {
        await Assert.ThrowsAsync<DomainException>(() => FileAsync(new ProtectedIdNumber("", "5227**********1231")));
        await Assert.ThrowsAsync<DomainException>(() => FileAsync(new ProtectedIdNumber(_protector.Protect(Number), Number[..6])));
    }

    // Every column of the case's row as the database holds it, joined.
    private static async Task<string> RowTextAsync(PingtangDb db, int id)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Complaints WHERE Id = $id";
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("$id", id);
        command.Parameters.Add(parameter);
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
    }

    private Task<Complaint> FileAsync(ProtectedIdNumber? idNumber) =>
        _database.FileAsync(Cases.Arrears with { IdNumber = idNumber });
}
