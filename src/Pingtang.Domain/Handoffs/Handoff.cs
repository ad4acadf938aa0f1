using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Handoffs;

public enum HandoffState
{
    /// <summary>Asked for (人工, or a complaint escalated): in the station's queue, the bot still answers.</summary>
    Waiting,

    /// <summary>A person holds the conversation: the bot says nothing until it is handed back.</summary>
    Live,

    Ended,
}

/// <summary>How a conversation with a person ended.</summary>
public enum HandoffEnding
{
    /// <summary>Back to the bot, the case still open.</summary>
    HandedBack,

    /// <summary>The case was resolved.</summary>
    Resolved,

    /// <summary>The agent hub of a Bot Framework host said it could not take it.</summary>
    Failed,
}

/// <summary>Who holds a live conversation.</summary>
public enum HandoffHolder
{
    /// <summary>A station's staff member in this service's console.</summary>
    Console,

    /// <summary>The agent hub of the host that connected through the Bot Framework (<c>handoff.status</c> accepted).</summary>
    ExternalHub,
}

public enum ChatAuthor
{
    Worker,
    Bot,
    Staff,

    /// <summary>A staff member's note to colleagues: never sent to the worker.</summary>
    Note,

    /// <summary>What the service itself records: taken over, handed back.</summary>
    System,
}

/// <summary>
/// A worker's conversation with a station's person: asked for, taken over, handed back. A worker has at most one
/// open at a time, whatever channel they write on, so the bot's silence while it is live holds on every channel.
/// </summary>
public sealed class Handoff
{
    public const int SummaryMaxLength = 200;

    private Handoff()
    {
    }

    public int Id { get; private set; }

    public int WorkerId { get; private set; }

    public int StationId { get; private set; }

    public Station? Station { get; private set; }

    /// <summary>The case it is about; null when the worker asked for a person without one (人工).</summary>
    public int? ComplaintId { get; private set; }

    public bool Urgent { get; private set; }

    public HandoffState State { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public HandoffHolder? Holder { get; private set; }

    /// <summary>The staff account holding it, when it is held in the console.</summary>
    public int? StaffId { get; private set; }

    /// <summary>The name the worker sees: 平塘就业助手工作人员（name）.</summary>
    public string? StaffName { get; private set; }

    public DateTimeOffset? TakenAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public HandoffEnding? Ending { get; private set; }

    public string? Summary { get; private set; }

    /// <summary>The Bot Framework conversation a <c>handoff.initiate</c> was sent on, which its <c>handoff.status</c> names.</summary>
    public string? ExternalConversationId { get; private set; }

    public List<ChatMessage> Messages { get; private set; } = [];

    public bool IsOpen => State != HandoffState.Ended;

    public static Handoff Request(int workerId, int stationId, int? complaintId, bool urgent, DateTimeOffset now) => new()
    {
        WorkerId = workerId,
        StationId = stationId,
        ComplaintId = complaintId,
        Urgent = urgent,
        State = HandoffState.Waiting,
        RequestedAt = now,
    };

    /// <summary>
    /// A case linked to a conversation the worker already had open keeps that conversation: one per worker. An urgent
    /// case makes it urgent, never the other way round.
    /// </summary>
    public void Attach(int complaintId, int stationId, bool urgent)
    {
        ComplaintId ??= complaintId;
        // Nobody has answered yet, so the case's station can still take it; once someone has, it stays theirs.
        if (State == HandoffState.Waiting)
        {
            StationId = stationId;
        }

        Urgent |= urgent;
    }

    public void TakeOver(int staffId, string staffName, DateTimeOffset now)
    {
        if (State == HandoffState.Ended)
        {
            throw new DomainException("这次对话已经结束，不能再接手。");
        }

        if (State == HandoffState.Live && !IsHeldBy(staffId))
        {
            throw new DomainException($"已由{HolderName}接手。");
        }

        State = HandoffState.Live;
        Holder = HandoffHolder.Console;
        StaffId = staffId;
        StaffName = staffName;
        TakenAt ??= now;
    }

    public void OfferedTo(string externalConversationId) => ExternalConversationId = externalConversationId;

    /// <summary>The agent hub of a Bot Framework host accepted the conversation.</summary>
    public void TakeOverExternally(DateTimeOffset now)
    {
        if (State != HandoffState.Waiting)
        {
            return;
        }

        State = HandoffState.Live;
        Holder = HandoffHolder.ExternalHub;
        TakenAt = now;
    }

    public void End(HandoffEnding ending, string? summary, DateTimeOffset now)
    {
        if (State == HandoffState.Ended)
        {
            throw new DomainException("这次对话已经结束。");
        }

        var clean = TypedText.Clean(summary)?.Trim();
        if (clean is { Length: > SummaryMaxLength })
        {
            throw new DomainException($"小结最多 {SummaryMaxLength} 个字。");
        }

        State = HandoffState.Ended;
        Ending = ending;
        Summary = string.IsNullOrEmpty(clean) ? null : clean;
        EndedAt = now;
    }

    public bool IsHeldBy(int staffId) => State == HandoffState.Live && Holder == HandoffHolder.Console && StaffId == staffId;

    public string HolderName => Holder == HandoffHolder.ExternalHub ? "外部坐席" : StaffName ?? "工作人员";

    public ChatMessage Record(ChatAuthor author, string? name, string text, DateTimeOffset now, ChatAttachment? attachment = null, string? sourceId = null)
    {
        var message = ChatMessage.Of(author, name, text, now, attachment, sourceId);
        Messages.Add(message);
        return message;
    }
}

/// <summary>One line of a handoff's transcript, in the order it was said.</summary>
public sealed class ChatMessage
{
    public const int TextMaxLength = 2000;

    private ChatMessage()
    {
    }

    public long Id { get; private set; }

    public int HandoffId { get; private set; }

    public ChatAuthor Author { get; private set; }

    /// <summary>The staff member's name for staff lines and notes.</summary>
    public string? Name { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    /// <summary>A file the worker sent with this line (a photo of a 欠条): its name, type and where the channel keeps it.</summary>
    public ChatAttachment? Attachment { get; private set; }

    /// <summary>The channel's id of the message it came from, so a channel's retry is kept once.</summary>
    public string? SourceId { get; private set; }

    internal static ChatMessage Of(ChatAuthor author, string? name, string text, DateTimeOffset now, ChatAttachment? attachment, string? sourceId)
    {
        // The transcript keeps what fits of a message the worker typed; what staff write is refused above the limit.
        var kept = text.Length > TextMaxLength ? text[..TextMaxLength] : text;
        return new ChatMessage { Author = author, Name = name, Text = kept, At = now, Attachment = attachment, SourceId = sourceId };
    }
}

/// <summary>A file sent in a conversation, as the channel described it.</summary>
public sealed record ChatAttachment(string Name, string ContentType, string ContentUrl)
{
    public const int UrlMaxLength = 2048;
}

internal sealed class HandoffConfiguration : IEntityTypeConfiguration<Handoff>
{
    public void Configure(EntityTypeBuilder<Handoff> builder)
    {
        builder.Property(h => h.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Holder).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Ending).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.StaffName).HasMaxLength(64);
        builder.Property(h => h.Summary).HasMaxLength(Handoff.SummaryMaxLength);
        builder.Ignore(h => h.IsOpen);
        builder.Ignore(h => h.HolderName);
        // One open conversation per worker: a second 人工 (or a race of two) rejoins the first.
        builder.HasIndex(h => h.WorkerId).IsUnique().HasFilter("\"State\" <> 'Ended'");
        builder.HasIndex(h => new { h.StationId, h.State });
        builder.HasIndex(h => h.ComplaintId);
        builder.Property(h => h.ExternalConversationId).HasMaxLength(256);
        builder.HasIndex(h => h.ExternalConversationId);
        builder.HasOne<Workers.Worker>().WithMany().HasForeignKey(h => h.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(h => h.Station).WithMany().HasForeignKey(h => h.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaints.Complaint>().WithMany().HasForeignKey(h => h.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(h => h.Messages).WithOne().HasForeignKey(m => m.HandoffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("ChatMessages");
        builder.Property(m => m.Author).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Name).HasMaxLength(64);
        builder.Property(m => m.Text).HasMaxLength(ChatMessage.TextMaxLength);
        builder.HasIndex(m => new { m.HandoffId, m.Id });
        builder.HasIndex(m => new { m.HandoffId, m.SourceId }).IsUnique().HasFilter("\"SourceId\" IS NOT NULL");
        builder.Property(m => m.SourceId).HasMaxLength(128);
        builder.OwnsOne(m => m.Attachment, a =>
        {
            a.Property(x => x.Name).HasMaxLength(256);
            a.Property(x => x.ContentType).HasMaxLength(128);
            a.Property(x => x.ContentUrl).HasMaxLength(ChatAttachment.UrlMaxLength);
        });
    }
}
