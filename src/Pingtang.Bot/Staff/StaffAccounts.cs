using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pingtang.Domain;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Staff;

/// <summary>
/// Staff accounts and their passwords: created by an admin (page or <c>create-staff</c>), each first password made
/// here and usable once. Hashes are ASP.NET Core Identity's (PBKDF2 with a salt per password).
/// </summary>
public sealed class StaffAccounts(PingtangDb db, TimeProvider time)
{
    public const int MinPasswordLength = 8;

    /// <summary>No 0/O, 1/l/I: a one-time password is read off a screen and typed by hand.</summary>
    private const string OneTimeAlphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static readonly PasswordHasher<StaffMember> Hasher = new();

    /// <summary>
    /// Verified against when the account does not exist, so a wrong account takes as long as a wrong password and
    /// the time of an answer does not tell a guesser which accounts exist.
    /// </summary>
    private static readonly string DecoyHash = Hasher.HashPassword(null!, RandomNumberGenerator.GetHexString(16));

    public Task<StaffMember?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.StaffMembers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.StaffMembers.AnyAsync(cancellationToken);

    public Task<List<StaffMember>> ListAsync(CancellationToken cancellationToken) =>
        db.StaffMembers.Include(s => s.Station).OrderBy(s => s.StationId).ThenBy(s => s.Account).ToListAsync(cancellationToken);

    /// <summary>A new account with a one-time password, returned once to be handed over.</summary>
    public async Task<(StaffMember Member, string OneTimePassword)> CreateAsync(string account, string displayName, StaffRole role, int? stationId, CancellationToken cancellationToken)
    {
        var password = NewOneTimePassword();
        var member = await CreateAsync(account, displayName, role, stationId, password, mustChangePassword: true, cancellationToken);
        return (member, password);
    }

    /// <summary>An account with a password its owner chose: for scripted set-ups and the tests.</summary>
    public async Task<StaffMember> CreateAsync(string account, string displayName, StaffRole role, int? stationId, string password, bool mustChangePassword, CancellationToken cancellationToken)
    {
        var member = StaffMember.Create(account, displayName, role, stationId, Hasher.HashPassword(null!, password), mustChangePassword, time.GetUtcNow());
        if (stationId is { } station && !await db.Stations.AnyAsync(s => s.Id == station, cancellationToken))
        {
            throw new DomainException(StaffWords.StationNeeded);
        }

        if (await db.StaffMembers.AnyAsync(s => s.Account == member.Account, cancellationToken))
        {
            throw new DomainException(StaffWords.AccountTaken);
        }

        db.StaffMembers.Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two admins made the same account at once: the unique index kept the first.
            db.Entry(member).State = EntityState.Detached;
            throw new DomainException(StaffWords.AccountTaken);
        }

        return member;
    }

    /// <summary>The account whose password this is, or null; a hash in an old format is upgraded on the way.</summary>
    public async Task<StaffMember?> VerifyAsync(string account, string password, CancellationToken cancellationToken)
    {
        var normalized = StaffMember.NormalizeAccount(account);
        var member = normalized is null ? null : await db.StaffMembers.SingleOrDefaultAsync(s => s.Account == normalized, cancellationToken);
        var result = Hasher.VerifyHashedPassword(null!, member?.PasswordHash ?? DecoyHash, password);
        if (member is null || result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            member.Rehash(Hasher.HashPassword(member, password));
        }

        return member;
    }

    /// <summary>Why a new password will not do, or null when it will.</summary>
    public static string? Weakness(StaffMember member, string password)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinPasswordLength)
        {
            return $"新密码至少 {MinPasswordLength} 位。";
        }

        return password.Distinct().Count() < 4 || password.Contains(member.Account, StringComparison.OrdinalIgnoreCase)
            ? "新密码太容易猜：不要用账号，也不要用重复的字符。"
            : null;
    }

    public async Task ChangePasswordAsync(StaffMember member, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        member.ChangePassword(Hasher.HashPassword(member, password));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends the member's sessions and gives a one-time password to hand over.</summary>
    public async Task<string> ResetPasswordAsync(StaffMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var password = NewOneTimePassword();
        member.ResetPassword(Hasher.HashPassword(member, password));
        await db.SaveChangesAsync(cancellationToken);
        return password;
    }

    public static string NewOneTimePassword() => RandomNumberGenerator.GetString(OneTimeAlphabet, 12);
}
