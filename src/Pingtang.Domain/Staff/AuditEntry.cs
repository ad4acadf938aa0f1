using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Staff;

public enum AuditKind
{
    /// <summary>A page with workers' data was opened.</summary>
    View,

    /// <summary>Workers' data left the service as a file.</summary>
    Export,

    /// <summary>Something was changed or sent.</summary>
    Action,

    /// <summary>A sign-in, a sign-out, a password or account change.</summary>
    Account,
}

/// <summary>One line of the audit log: who did what, to which record, when. Lines are only ever added.</summary>
public sealed class AuditEntry
{
    public const int WhatMaxLength = 200;
    public const int TargetMaxLength = 64;

    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int? StaffId { get; private set; }

    /// <summary>The account as it was then: the log still reads right after an account is renamed or removed.</summary>
    public string Account { get; private set; } = string.Empty;

    public AuditKind Kind { get; private set; }

    /// <summary>In words a clerk reads, e.g. 查看案件, 导出报名表.</summary>
    public string What { get; private set; } = string.Empty;

    /// <summary>The record acted on (a case number, a posting id), when there is one.</summary>
    public string? Target { get; private set; }

    /// <summary>Whose data it was: a station's admin reads its own lines.</summary>
    public int? StationId { get; private set; }

    public static AuditEntry Of(int? staffId, string account, AuditKind kind, string what, string? target, int? stationId, DateTimeOffset at) => new()
    {
        StaffId = staffId,
        Account = account.Length > StaffMember.AccountMaxLength ? account[..StaffMember.AccountMaxLength] : account,
        Kind = kind,
        What = what.Length > WhatMaxLength ? what[..WhatMaxLength] : what,
        Target = target is { Length: > TargetMaxLength } ? target[..TargetMaxLength] : target,
        StationId = stationId,
        At = at,
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.Account).HasMaxLength(StaffMember.AccountMaxLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.What).HasMaxLength(AuditEntry.WhatMaxLength);
        builder.Property(a => a.Target).HasMaxLength(AuditEntry.TargetMaxLength);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.StationId, a.At });
    }
}
