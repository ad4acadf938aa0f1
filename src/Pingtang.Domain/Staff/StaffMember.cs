using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Staff;

public enum StaffRole
{
    /// <summary>Works for one station: sees its cases, applicants and rosters only.</summary>
    Staff,

    /// <summary>The county's administrators: every station, the accounts, the audit log.</summary>
    Admin,
}

/// <summary>
/// A named staff account. The password is kept only as a hash made by the host (ASP.NET Core Identity's
/// <c>PasswordHasher</c>); <see cref="SessionStamp"/> changes whenever the password does or the account is disabled,
/// which ends every session signed in before.
/// </summary>
public sealed partial class StaffMember
{
    public const int AccountMaxLength = 32;
    public const int NameMaxLength = 20;

    private StaffMember()
    {
    }

    public int Id { get; private set; }

    /// <summary>What they sign in with: lower-case letters, digits, <c>.</c>, <c>_</c> or <c>-</c>.</summary>
    public string Account { get; private set; } = string.Empty;

    /// <summary>The name workers see on replies, 平塘就业助手工作人员（name）.</summary>
    public string DisplayName { get; private set; } = string.Empty;

    public StaffRole Role { get; private set; }

    /// <summary>The station a <see cref="StaffRole.Staff"/> member works for; an admin may have none.</summary>
    public int? StationId { get; private set; }

    public Station? Station { get; private set; }

    public string PasswordHash { get; private set; } = string.Empty;

    /// <summary>Set while the password is one someone else made (a first or reset one): it must be changed first.</summary>
    public bool MustChangePassword { get; private set; }

    public string SessionStamp { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public DateTimeOffset? LastSignInAt { get; private set; }

    public bool IsDisabled => DisabledAt is not null;

    /// <summary>An account name as typed, trimmed and lower-cased, or null when it is not one.</summary>
    public static string? NormalizeAccount(string? account)
    {
        var normalized = account?.Trim().ToLowerInvariant();
        return normalized is { Length: > 0 and <= AccountMaxLength } && AccountPattern().IsMatch(normalized) ? normalized : null;
    }

    public static StaffMember Create(string account, string displayName, StaffRole role, int? stationId, string passwordHash, bool mustChangePassword, DateTimeOffset now)
    {
        var name = TypedText.Clean(displayName).Trim();
        return new()
        {
            Account = NormalizeAccount(account) ?? throw new DomainException(StaffWords.BadAccount),
            DisplayName = name is { Length: > 0 and <= NameMaxLength } ? name : throw new DomainException(StaffWords.BadName),
            Role = role,
            StationId = role == StaffRole.Staff && stationId is null ? throw new DomainException(StaffWords.StationNeeded) : stationId,
            PasswordHash = passwordHash,
            MustChangePassword = mustChangePassword,
            SessionStamp = NewStamp(),
            CreatedAt = now,
        };
    }

    /// <summary>The member's own new password: sessions elsewhere end, this one is signed in again by the caller.</summary>
    public void ChangePassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        MustChangePassword = false;
        SessionStamp = NewStamp();
    }

    /// <summary>A password an admin made for them: usable once, to set their own.</summary>
    public void ResetPassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        MustChangePassword = true;
        SessionStamp = NewStamp();
    }

    public void Disable(DateTimeOffset now)
    {
        DisabledAt ??= now;
        SessionStamp = NewStamp();
    }

    public void Enable() => DisabledAt = null;

    public void SignedIn(DateTimeOffset now) => LastSignInAt = now;

    /// <summary>A hash upgraded by the hasher (a newer format or more iterations) at a successful sign-in.</summary>
    public void Rehash(string passwordHash) => PasswordHash = passwordHash;

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex AccountPattern();
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("StaffMembers");
        builder.Property(s => s.Account).HasMaxLength(StaffMember.AccountMaxLength);
        builder.HasIndex(s => s.Account).IsUnique();
        builder.Property(s => s.DisplayName).HasMaxLength(StaffMember.NameMaxLength);
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.PasswordHash).HasMaxLength(256);
        builder.Property(s => s.SessionStamp).HasMaxLength(32);
        builder.HasOne(s => s.Station).WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
