using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Townships;

namespace Pingtang.Domain.Workers;

/// <summary>
/// A person who looks for work through us (务工群众). One worker, however many channels they reach us on;
/// the channels keep their own addresses and point here. A person first met on two channels is two workers until
/// they prove the second is them (<see cref="WorkerLinks"/>); the second is then kept as an empty tombstone that
/// names the first (<see cref="MergedIntoId"/>), so that an id held anywhere still leads to the person.
/// </summary>
public sealed partial class Worker
{
    public const int NameMaxLength = 20;
    public const int CityMaxLength = 30;

    private Worker()
    {
    }

    public int Id { get; private set; }

    /// <summary>How the worker wants to be addressed (称呼), e.g. 王师傅.</summary>
    public string? Name { get; private set; }

    /// <summary>Mainland mobile number, 11 digits. Personal data: mask it in logs.</summary>
    public string? Mobile { get; private set; }

    /// <summary>Year of birth, for the age limits of jobs and courses.</summary>
    public int? BirthYear { get; private set; }

    /// <summary>户籍乡镇, one of <see cref="Township.Names"/>.</summary>
    public string? HomeTownship { get; private set; }

    public string? CurrentCity { get; private set; }

    /// <summary>The trades (工种) the worker can do, from <see cref="Trades.Common"/>.</summary>
    public List<string> Trades { get; private set; } = [];

    /// <summary>Whether the worker agreed to receive reminders and alerts. Off until they say yes.</summary>
    public bool AcceptsReminders { get; private set; }

    /// <summary>When they said 退订, while it holds: what tells "said stop" from "never said yes" in a broadcast's report.</summary>
    public DateTimeOffset? UnsubscribedAt { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? ProfileUpdatedAt { get; private set; }

    public bool HasProfile => ProfileUpdatedAt is not null;

    /// <summary>The worker this one turned out to be, who has its rows and channels now; null while it is a person of its own.</summary>
    public int? MergedIntoId { get; private set; }

    public DateTimeOffset? MergedAt { get; private set; }

    /// <summary>The age the worker turns this year, from the birth year: what age limits of jobs and courses compare.</summary>
    public int? AgeIn(int year) => BirthYear is { } born ? year - born : null;

    public static Worker Register(DateTimeOffset now) => new() { RegisteredAt = now };

    public WorkerProfile Profile => new(Name, Mobile, BirthYear, HomeTownship, CurrentCity, Trades.ToList(), AcceptsReminders);

    /// <summary>Replaces the profile after checking every field; nothing changes when one is invalid.</summary>
    public void UpdateProfile(WorkerProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problem = profile.Validate(now);
        if (problem is not null)
        {
            throw new DomainException(problem);
        }

        Name = profile.Name?.Trim();
        Mobile = profile.Mobile;
        BirthYear = profile.BirthYear;
        HomeTownship = profile.HomeTownship;
        CurrentCity = profile.CurrentCity?.Trim();
        Trades = profile.Trades.Distinct().ToList();
        AcceptsReminders = profile.AcceptsReminders;
        ProfileUpdatedAt = now;
    }

    /// <summary>Asking for alerts (有新岗位通知我) or 订阅 switches reminders on; the profile's choice sets them either way.</summary>
    public void SetReminders(bool accepts)
    {
        AcceptsReminders = accepts;
        if (accepts)
        {
            UnsubscribedAt = null;
        }
    }

    /// <summary>退订: nothing promotional from now on, until they ask again. Practical messages still go.</summary>
    public void Unsubscribe(DateTimeOffset now)
    {
        AcceptsReminders = false;
        UnsubscribedAt ??= now;
    }

    /// <summary>
    /// What the QR code a worker followed through says of them (<see cref="WorkerOrigin"/>), where they have not said
    /// it themselves: never over their own answer, and not as a profile they filled in.
    /// </summary>
    public void CameThrough(string? homeTownship, string? currentCity)
    {
        HomeTownship ??= homeTownship is not null && Township.IsKnown(homeTownship) ? homeTownship : null;
        CurrentCity ??= currentCity is { Length: > 0 and <= CityMaxLength } ? currentCity : null;
    }

    /// <summary>
    /// Takes in <paramref name="other"/>, found to be the same person: this profile's blanks are filled from theirs,
    /// and a 退订 said on either holds, since the person said it. <paramref name="other"/> keeps no personal data and
    /// names this worker from now on.
    /// </summary>
    internal void Absorb(Worker other, DateTimeOffset now)
    {
        Name ??= other.Name;
        Mobile ??= other.Mobile;
        BirthYear ??= other.BirthYear;
        HomeTownship ??= other.HomeTownship;
        CurrentCity ??= other.CurrentCity;
        if (Trades.Count == 0)
        {
            Trades = [.. other.Trades];
        }

        UnsubscribedAt = (UnsubscribedAt, other.UnsubscribedAt) switch
        {
            ({ } mine, { } theirs) => mine < theirs ? mine : theirs,
            (var mine, var theirs) => mine ?? theirs,
        };
        AcceptsReminders = UnsubscribedAt is null && (AcceptsReminders || other.AcceptsReminders);
        ProfileUpdatedAt ??= other.ProfileUpdatedAt;
        other.BecomeTombstoneOf(Id, now);
    }

    private void BecomeTombstoneOf(int survivorId, DateTimeOffset now)
    {
        (Name, Mobile, BirthYear, HomeTownship, CurrentCity, Trades) = (null, null, null, null, null, []);
        (AcceptsReminders, UnsubscribedAt, ProfileUpdatedAt) = (false, null, null);
        MergedIntoId = survivorId;
        MergedAt = now;
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    internal static partial Regex MobilePattern();
}

/// <summary>What a worker tells us about themselves in 我的信息. Empty fields are allowed: nothing is compulsory.</summary>
public sealed record WorkerProfile(
    string? Name,
    string? Mobile,
    int? BirthYear,
    string? HomeTownship,
    string? CurrentCity,
    IReadOnlyList<string> Trades,
    bool AcceptsReminders)
{
    public const int YoungestAge = 16;
    public const int OldestAge = 80;

    public static WorkerProfile Empty { get; } = new(null, null, null, null, null, [], false);

    /// <summary>The first broken rule, in words staff can read; null when the profile is valid.</summary>
    public string? Validate(DateTimeOffset now)
    {
        if (Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Trim().Length > Worker.NameMaxLength))
        {
            return $"称呼应为1到{Worker.NameMaxLength}个字";
        }

        if (Mobile is not null && !Worker.MobilePattern().IsMatch(Mobile))
        {
            return "手机号应为11位，以1开头";
        }

        if (BirthYear is { } year && !IsPlausibleBirthYear(year, now))
        {
            return $"出生年份应在{now.Year - OldestAge}到{now.Year - YoungestAge}之间";
        }

        if (HomeTownship is not null && !Township.IsKnown(HomeTownship))
        {
            return "户籍乡镇不是平塘县的乡镇";
        }

        if (CurrentCity is { } city && (string.IsNullOrWhiteSpace(city) || city.Trim().Length > Worker.CityMaxLength))
        {
            return $"所在城市应为1到{Worker.CityMaxLength}个字";
        }

        var unknownTrade = Trades.FirstOrDefault(t => !Workers.Trades.Common.Contains(t));
        return unknownTrade is null ? null : $"工种「{unknownTrade}」不在列表中";
    }

    public static bool IsPlausibleBirthYear(int year, DateTimeOffset now) =>
        year >= now.Year - OldestAge && year <= now.Year - YoungestAge;
}

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(Worker.NameMaxLength);
        builder.Property(w => w.Mobile).HasMaxLength(11);
        builder.Property(w => w.HomeTownship).HasMaxLength(32);
        builder.Property(w => w.CurrentCity).HasMaxLength(Worker.CityMaxLength);
        builder.PrimitiveCollection(w => w.Trades);
        builder.Ignore(w => w.Profile);
        builder.HasIndex(w => w.Mobile);
    }
}
