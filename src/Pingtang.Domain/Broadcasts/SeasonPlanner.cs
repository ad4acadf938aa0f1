using Microsoft.EntityFrameworkCore;
using Pingtang.Domain.Calendar;
using Pingtang.Domain.Stations;

namespace Pingtang.Domain.Broadcasts;

/// <summary>One line of a season's preview: a planned broadcast, or a departure's reminders three days before or on the eve.</summary>
/// <param name="CampaignId">The campaign draft already made for it; null until the plan job makes it.</param>
/// <param name="DraftOn">The day the plan job makes the draft, for administrators to check and approve.</param>
/// <param name="DepartureId">For a departure's reminders: the departure, whose own feature sends them, <paramref name="DaysBefore"/> it leaves.</param>
public sealed record SeasonItem(
    DateOnly Date,
    LunarDay LunarDay,
    TimeOnly Time,
    string Title,
    string Text,
    Audience? Audience,
    int Recipients,
    DateOnly? DraftOn,
    int? CampaignId,
    CampaignState? CampaignState,
    int? DepartureId = null,
    int DaysBefore = 0);

/// <summary>
/// Turns the season plan into campaigns: each enabled step becomes, <see cref="LeadDays"/> before its day, a draft
/// campaign of the county centre under its plan key, which makes it once however often the job runs (or runs at the
/// same time). Nothing goes out until an administrator has read, edited if need be, and approved the draft.
/// </summary>
public sealed class SeasonPlanner(PingtangDb db, Campaigns campaigns, TimeProvider time)
{
    /// <summary>Two weeks: time for the office to read the draft, fix the year's details, and approve it.</summary>
    public const int LeadDays = 14;

    /// <summary>A season runs until 60 days after 春节; from then on the next one is the coming season.</summary>
    public const int SeasonEndsAfter = 60;

    /// <summary>The 春节 year whose season <paramref name="today"/> falls in, or which comes next.</summary>
    public static int SeasonOf(DateOnly today) =>
        today <= SpringFestival.Of(today.Year).AddDays(SeasonEndsAfter) ? today.Year : today.Year + 1;

    /// <summary>The day the draft of <paramref name="step"/> is made for <paramref name="year"/>'s season.</summary>
    public static DateOnly DraftOn(SeasonStep step, int year)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.DateIn(year).AddDays(-LeadDays);
    }

    public async Task<IReadOnlyList<SeasonStep>> StepsAsync(CancellationToken cancellationToken) =>
        await db.SeasonSteps.OrderBy(s => s.OffsetDays).ThenBy(s => s.SendAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Makes the drafts that are due today in the coming season: of each enabled step whose draft day has come and whose
    /// day has not passed; returns how many were new. A step whose day passed while the service was down is left out:
    /// a 腊月 notice in 正月 would mislead.
    /// </summary>
    public async Task<int> DraftDueAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(time);
        var year = SeasonOf(today);
        var made = 0;
        foreach (var step in await StepsAsync(cancellationToken))
        {
            if (!step.Enabled || today < DraftOn(step, year) || today > step.DateIn(year))
            {
                continue;
            }

            var planKey = step.PlanKeyIn(year);
            if (await db.Campaigns.AnyAsync(c => c.PlanKey == planKey, cancellationToken))
            {
                continue;
            }

            var content = new CampaignContent(step.Title, step.Text, [], step.Audience, step.SendAtIn(year));
            await campaigns.DraftAsync(content, Station.CountyCentreId, createdBy: null, cancellationToken, planKey);
            made++;
        }

        return made;
    }

    /// <summary>
    /// The whole season of <paramref name="year"/>'s 春节, in order: each enabled step with its date, audience size and
    /// draft (if made), and the reminders of every departure in the season with its travellers.
    /// </summary>
    public async Task<IReadOnlyList<SeasonItem>> PreviewAsync(int year, CancellationToken cancellationToken)
    {
        var items = new List<SeasonItem>();
        var planKeys = (await StepsAsync(cancellationToken)).Where(s => s.Enabled).ToDictionary(s => s.PlanKeyIn(year));
        var drafts = await db.Campaigns.AsNoTracking()
            .Where(c => planKeys.Keys.Contains(c.PlanKey!))
            .ToDictionaryAsync(c => c.PlanKey!, cancellationToken);
        foreach (var (planKey, step) in planKeys)
        {
            var draft = drafts.GetValueOrDefault(planKey);
            var content = draft?.Content ?? new CampaignContent(step.Title, step.Text, [], step.Audience, step.SendAtIn(year));
            var size = await campaigns.SizeAsync(content.Audience, cancellationToken);
            var date = ChinaTime.DateOf(content.SendAt);
            items.Add(new(date, SpringFestival.LunarDayOf(date), TimeOnly.FromDateTime(ChinaTime.Of(content.SendAt).DateTime), content.Title, content.Text, content.Audience, size.Consenting, DraftOn(step, year), draft?.Id, draft?.State));
        }

        var season = SpringFestival.Of(year);
        var (from, until) = (season.AddDays(SeasonStep.EarliestOffset), season.AddDays(SeasonStep.LatestOffset));
        var departures = await db.ReturnTrips.AsNoTracking()
            .Where(t => t.CancelledAt == null && t.DepartsOn >= from && t.DepartsOn <= until)
            .Select(t => new
            {
                Trip = t,
                Travellers = db.TripBookings
                    .Where(b => b.TripId == t.Id && b.Status == ReturnTrips.BookingStatus.Confirmed)
                    .Sum(b => b.SeatCount),
            })
            .ToListAsync(cancellationToken);
        foreach (var departure in departures)
        {
            foreach (var daysBefore in ReturnTrips.TripReminders.DaysBefore)
            {
                var day = departure.Trip.DepartsOn.AddDays(-daysBefore);
                items.Add(new(day, SpringFestival.LunarDayOf(day), ReturnTrips.TripReminders.SendFrom, departure.Trip.Title, "", null, departure.Travellers, null, null, null, departure.Trip.Id, daysBefore));
            }
        }

        return [.. items.OrderBy(i => i.Date).ThenBy(i => i.Time)];
    }

    /// <summary>An administrator changes a step; drafts already made keep their own text, which is edited on the campaign.</summary>
    public async Task ChangeAsync(int stepId, SeasonStepDetails details, CancellationToken cancellationToken)
    {
        var step = await db.SeasonSteps.SingleOrDefaultAsync(s => s.Id == stepId, cancellationToken) ?? throw new DomainException("没有这一步");
        step.Change(details, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A new step of the plan, under a key of its own that no edit changes.</summary>
    public async Task<SeasonStep> AddAsync(SeasonStepDetails details, CancellationToken cancellationToken)
    {
        var step = SeasonStep.Create($"step-{Guid.NewGuid():N}", details);
        db.SeasonSteps.Add(step);
        await db.SaveChangesAsync(cancellationToken);
        return step;
    }
}
