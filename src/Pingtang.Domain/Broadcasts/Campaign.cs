using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Broadcasts;

/// <summary>Where a campaign is: drafted, approved for a time, being queued, all queued; or paused, or cancelled.</summary>
public enum CampaignState
{
    Draft,
    Scheduled,
    Sending,

    /// <summary>Every worker of the audience has a message on the outbox; the report says how many went.</summary>
    Done,
    Paused,
    Cancelled,
}

/// <summary>What a campaign says, to whom, and when: the fields staff fill in, or a season plan's generator.</summary>
public sealed record CampaignContent(string Title, string Text, IReadOnlyList<string> Choices, Audience Audience, DateTimeOffset SendAt)
{
    public const int TitleMaxLength = 60;
    public const int TextMaxLength = 1000;
    public const int MaxChoices = 6;

    /// <summary>The first field staff must change, in words for them; null when the campaign can be saved.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > TitleMaxLength)
        {
            return $"标题应为1到{TitleMaxLength}个字";
        }

        if (string.IsNullOrWhiteSpace(Text) || Text.Length > TextMaxLength)
        {
            return $"内容应为1到{TextMaxLength}个字";
        }

        if (Choices.Count > MaxChoices || Choices.Any(string.IsNullOrWhiteSpace))
        {
            return $"按钮最多{MaxChoices}个，每个不能为空";
        }

        return Audience.Validate();
    }
}

/// <summary>
/// A broadcast (群发通知): a message to every worker of an audience from a send time, through the outbox, one message
/// per worker. Made by a station's staff or a season plan, approved by an administrator, queued in batches by worker id
/// after <see cref="FanOutCursor"/>, so a paused or restarted campaign goes on where it was.
/// </summary>
public sealed class Campaign
{
    public const int PlanKeyMaxLength = 100;

    /// <summary>The outbox's kind of a campaign's messages, as staff read it on the outbox page.</summary>
    public const string OutboxKind = "群发通知";

    private Campaign()
    {
    }

    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    public List<string> Choices { get; private set; } = [];

    public Audience Audience { get; private set; } = Audience.Everyone;

    public DateTimeOffset SendAt { get; private set; }

    public CampaignState State { get; private set; }

    public int StationId { get; private set; }

    public Station? Station { get; private set; }

    /// <summary>Who drafted it: a staff member's id, or null for a season plan.</summary>
    public int? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Unique per generated campaign (e.g. <c>return-2027:reminder-1</c>), so a plan makes each once; null when made by hand.</summary>
    public string? PlanKey { get; private set; }

    /// <summary>The last worker id queued: the fan-out goes on after it.</summary>
    public int FanOutCursor { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the last worker was queued.</summary>
    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>Until when a fan-out run holds the campaign; past it, the minute job starts another (the last one died).</summary>
    public DateTimeOffset? FanOutUntil { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>A draft, checked first; a <paramref name="planKey"/> names a generated campaign.</summary>
    public static Campaign Draft(CampaignContent content, int stationId, int? createdBy, DateTimeOffset now, string? planKey = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var campaign = new Campaign { StationId = stationId, CreatedBy = createdBy, CreatedAt = now, PlanKey = planKey, State = CampaignState.Draft };
        campaign.Edit(content);
        return campaign;
    }

    public CampaignContent Content => new(Title, Text, Choices, Audience, SendAt);

    public void Edit(CampaignContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Require(State == CampaignState.Draft, "只有草稿可以修改");
        if (content.Validate() is { } problem)
        {
            throw new DomainException(problem);
        }

        Title = content.Title.Trim();
        Text = content.Text.Trim();
        Choices = [.. content.Choices.Select(c => c.Trim())];
        Audience = content.Audience;
        SendAt = content.SendAt;
    }

    /// <summary>An administrator approves the draft: it goes from its send time.</summary>
    public void Schedule(int? approvedBy, DateTimeOffset now)
    {
        Require(State == CampaignState.Draft, "只有草稿可以排期发送");
        State = CampaignState.Scheduled;
        ApprovedBy = approvedBy;
        ApprovedAt = now;
    }

    /// <summary>Past its send time: the fan-out may begin.</summary>
    public bool IsDue(DateTimeOffset now) => State == CampaignState.Scheduled && SendAt <= now;

    public void Start(DateTimeOffset now)
    {
        Require(IsDue(now), "还没到发送时间");
        State = CampaignState.Sending;
        StartedAt = now;
    }

    /// <summary>A fan-out run takes the campaign for <paramref name="lease"/>.</summary>
    internal void Hold(DateTimeOffset now, TimeSpan lease) => FanOutUntil = now + lease;

    /// <summary>One batch queued, up to <paramref name="lastWorkerId"/>; <paramref name="finished"/> when it was the last.</summary>
    internal void Queued(int lastWorkerId, bool finished, DateTimeOffset now)
    {
        FanOutCursor = Math.Max(FanOutCursor, lastWorkerId);
        if (finished)
        {
            State = CampaignState.Done;
            QueuedAt = now;
            FanOutUntil = null;
        }
    }

    public bool CanPause => State is CampaignState.Scheduled or CampaignState.Sending or CampaignState.Done;

    public bool CanResume => State == CampaignState.Paused;

    public bool CanCancel => State != CampaignState.Cancelled;

    public void Pause()
    {
        Require(CanPause, "这条通知现在不能暂停");
        State = CampaignState.Paused;
        FanOutUntil = null;
    }

    /// <summary>Back to where it was: scheduled before it started, all queued after the fan-out finished, sending otherwise.</summary>
    public void Resume()
    {
        Require(CanResume, "只有暂停的通知可以继续");
        State = QueuedAt is not null ? CampaignState.Done : StartedAt is not null ? CampaignState.Sending : CampaignState.Scheduled;
    }

    public void Cancel(DateTimeOffset now)
    {
        Require(CanCancel, "这条通知已经取消了");
        State = CampaignState.Cancelled;
        CancelledAt = now;
        FanOutUntil = null;
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new DomainException(problem);
        }
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(CampaignContent.TitleMaxLength);
        builder.Property(c => c.Text).HasMaxLength(CampaignContent.TextMaxLength);
        builder.Property(c => c.PlanKey).HasMaxLength(Campaign.PlanKeyMaxLength);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.PrimitiveCollection(c => c.Choices);
        builder.Property(c => c.Audience).HasAudienceConversion();
        builder.Ignore(c => c.Content);
        builder.HasIndex(c => c.PlanKey).IsUnique();
        builder.HasIndex(c => new { c.State, c.SendAt });
        builder.HasOne(c => c.Station).WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
