using Microsoft.AspNetCore.DataProtection;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Workers;

/// <summary>
/// ID-card numbers encrypted with ASP.NET Core Data Protection, whose keys live in the data folder's <c>keys/</c>, not
/// in the database: a copy of the database alone reveals no number. Back the folder up with the database, or the
/// numbers kept so far can no longer be read.
/// </summary>
public sealed class DataProtectionIdNumbers(IDataProtectionProvider provider) : IIdNumberProtector
{
    // The purpose string separates these ciphertexts from cookies and antiforgery tokens made with the same keys.
    private readonly IDataProtector _protector = provider.CreateProtector("Pingtang.IdCardNumbers.v1");

    public string Protect(string idNumber) => _protector.Protect(idNumber);

    public string Unprotect(string protectedIdNumber) => _protector.Unprotect(protectedIdNumber);
}
