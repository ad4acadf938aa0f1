namespace Pingtang.Domain.Workers;

/// <summary>
/// Encrypts ID-card numbers with a key the domain never sees: the host implements it (ASP.NET Core Data Protection).
/// On SQLite the key is in the data folder, so a copy of the database file alone reveals none; on PostgreSQL it is
/// in the same database, which every instance shares, so a copy of that database must be guarded as the key itself.
/// </summary>
public interface IIdNumberProtector
{
    string Protect(string idNumber);

    /// <summary>The number again; throws when the text was not protected with this host's keys.</summary>
    string Unprotect(string protectedIdNumber);
}

/// <summary>An ID-card number as it may be kept: encrypted, and masked for display (5227**********123X).</summary>
public sealed record ProtectedIdNumber(string Ciphertext, string Masked)
{
    /// <summary>Room for the Data Protection payload of 18 characters (about 130), with margin for a new algorithm.</summary>
    public const int CiphertextMaxLength = 512;
}
