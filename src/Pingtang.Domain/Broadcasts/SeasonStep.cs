using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Calendar;

namespace Pingtang.Domain.Broadcasts;

/// <summary>
/// One broadcast of the Spring Festival return season (返岗季), planned relative to 春节 rather than on a date, so the
/// same plan serves every year: e.g. sign-up opens 24 days before 春节 (腊月), a reminder a week before to those not
/// signed up, a job-fair notice after the holiday. Administrators edit the steps; the season plan job turns each into
/// a campaign draft for the coming season, which an administrator approves before it goes out.
/// </summary>
public sealed class SeasonStep
{
    public const int KeyMaxLength = 40;
    public const int EarliestOffset = -90;
    public const int LatestOffset = 60;

    private SeasonStep()
    {
    }

    public int Id { get; private set; }

    /// <summary>Stable across years and edits: a season's campaign of this step is <c>season-{year}:{Key}</c>, made once.</summary>
    public string Key { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>Days from 春节 (正月初一): negative before it, e.g. -24 is usually in 腊月.</summary>
    public int OffsetDays { get; private set; }

    /// <summary>China time on that day.</summary>
    public TimeOnly SendAt { get; private set; }

    public string Text { get; private set; } = "";

    public Audience Audience { get; private set; } = Audience.Everyone;

    /// <summary>Switched off, it makes no campaign; what it made already stays.</summary>
    public bool Enabled { get; private set; } = true;

    public DateTimeOffset? ChangedAt { get; private set; }

    public SeasonStepDetails Details => new(Title, OffsetDays, SendAt, Text, Audience, Enabled);

    /// <summary>The day of this step in the season of <paramref name="year"/>'s 春节.</summary>
    public DateOnly DateIn(int year) => SpringFestival.Of(year).AddDays(OffsetDays);

    /// <summary>When its campaign goes out in that season (UTC).</summary>
    public DateTimeOffset SendAtIn(int year) => ChinaTime.At(DateIn(year), SendAt);

    public string PlanKeyIn(int year) => SeasonKeys.PlanKey(year, Key);

    public static SeasonStep Create(string key, SeasonStepDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var step = new SeasonStep { Key = key };
        step.Change(details, null);
        return step;
    }

    public void Change(SeasonStepDetails details, DateTimeOffset? now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Validate() is { } problem)
        {
            throw new DomainException(problem);
        }

        (Title, OffsetDays, SendAt, Text, Audience, Enabled) = (details.Title.Trim(), details.OffsetDays, details.SendAt, details.Text.Trim(), details.Audience, details.Enabled);
        ChangedAt = now;
    }
}

/// <summary>What an administrator sets for a step.</summary>
public sealed record SeasonStepDetails(string Title, int OffsetDays, TimeOnly SendAt, string Text, Audience Audience, bool Enabled = true)
{
    /// <summary>The first broken rule, in words for staff; null when valid. The text and audience follow a campaign's rules.</summary>
    public string? Validate()
    {
        if (OffsetDays is < SeasonStep.EarliestOffset or > SeasonStep.LatestOffset)
        {
            return $"相对春节的天数应在{SeasonStep.EarliestOffset}到{SeasonStep.LatestOffset}之间";
        }

        return new CampaignContent(Title, Text, [], Audience, DateTimeOffset.UnixEpoch).Validate();
    }
}

/// <summary>The plan keys of season campaigns, which make each one once.</summary>
public static class SeasonKeys
{
    public static string PlanKey(int year, string stepKey) => $"season-{year}:{stepKey}";
}

internal sealed class SeasonStepConfiguration : IEntityTypeConfiguration<SeasonStep>
{
    public void Configure(EntityTypeBuilder<SeasonStep> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(SeasonStep.KeyMaxLength);
        builder.HasIndex(s => s.Key).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(CampaignContent.TitleMaxLength);
        builder.Property(s => s.Text).HasMaxLength(CampaignContent.TextMaxLength);
        builder.Property(s => s.Audience).HasAudienceConversion();
        builder.Ignore(s => s.Details);
        builder.HasData(SeasonDefaults.Steps);
    }
}
