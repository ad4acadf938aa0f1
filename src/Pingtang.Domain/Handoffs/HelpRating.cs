using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Handoffs;

/// <summary>
/// How a worker rated a station's help once their case was resolved (1–5 and a word of their own), asked once per
/// resolution and shown per station.
/// </summary>
public sealed class HelpRating
{
    public const int WordMaxLength = 200;

    /// <summary>An answer later than this is no longer taken as a rating: by then a bare number is a menu choice.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(3);

    private HelpRating()
    {
    }

    public int Id { get; private set; }

    public int WorkerId { get; private set; }

    public int StationId { get; private set; }

    public int? ComplaintId { get; private set; }

    public int? HandoffId { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public int? Score { get; private set; }

    public string? Word { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public static HelpRating Ask(int workerId, int stationId, int? complaintId, int? handoffId, DateTimeOffset now) => new()
    {
        WorkerId = workerId,
        StationId = stationId,
        ComplaintId = complaintId,
        HandoffId = handoffId,
        AskedAt = now,
    };

    /// <summary>
    /// The worker wrote something else: the question is no longer open, so a number they send later is what they
    /// meant it to be (a menu line, an answer), not a score.
    /// </summary>
    public void Pass(DateTimeOffset now) => AnsweredAt ??= now;

    public void Answer(int score, string? word, DateTimeOffset now)
    {
        if (score is < 1 or > 5)
        {
            throw new DomainException("请回复 1 到 5 之间的数字。");
        }

        Score = score;
        var clean = TypedText.Clean(word)?.Trim();
        Word = string.IsNullOrEmpty(clean) ? null : clean.Length > WordMaxLength ? clean[..WordMaxLength] : clean;
        AnsweredAt = now;
    }

    /// <summary>
    /// The score and the worker's word in a reply such as 「5」「５ 很及时」「五分」「4 满意」, or null when the reply
    /// is not a rating.
    /// </summary>
    public static (int Score, string? Word)? Read(string? text)
    {
        var clean = TypedText.Clean(text)?.Trim();
        if (string.IsNullOrEmpty(clean))
        {
            return null;
        }

        var score = clean[0] switch
        {
            >= '1' and <= '5' => clean[0] - '0',
            >= '１' and <= '５' => clean[0] - '１' + 1,
            '一' => 1,
            '二' or '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            _ => 0,
        };
        if (score == 0)
        {
            return null;
        }

        var rest = clean[1..].TrimStart('分', ' ', '，', ',', '。', '：', ':').Trim();
        // A reply that goes on with a digit (「12」, 「3000」) is not a score: it is something else the worker wants.
        if (rest.Length > 0 && char.IsDigit(rest[0]))
        {
            return null;
        }

        var choice = HandoffNotices.RatingChoices.FirstOrDefault(c => c[0] - '0' == score);
        var word = choice is not null && rest == choice[2..] ? null : rest;
        return (score, string.IsNullOrEmpty(word) ? null : word);
    }
}

internal sealed class HelpRatingConfiguration : IEntityTypeConfiguration<HelpRating>
{
    public void Configure(EntityTypeBuilder<HelpRating> builder)
    {
        builder.Property(r => r.Word).HasMaxLength(HelpRating.WordMaxLength);
        builder.HasIndex(r => new { r.WorkerId, r.AskedAt });
        builder.HasIndex(r => new { r.StationId, r.AnsweredAt });
        builder.HasOne<Workers.Worker>().WithMany().HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Stations.Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
