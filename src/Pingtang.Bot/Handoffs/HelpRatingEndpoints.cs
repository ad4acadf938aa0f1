using System.Security.Claims;
using Pingtang.Bot.Staff;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Handoffs;

/// <summary>The console's ratings (服务评价): a station's staff see their station's, an admin every station's.</summary>
public static class HelpRatingEndpoints
{
    public const string Path = "/console/ratings";

    /// <summary>The periods the page offers, in days; anything else is every rating.</summary>
    public static readonly IReadOnlyList<int> Periods = [30, 90];

    public static WebApplication MapHelpRatings(this WebApplication app)
    {
        app.MapStaffArea(Path, StaffAccess.StaffPolicy).MapGet("/", async (ClaimsPrincipal user, int? days, HelpRatings ratings, StaffAudit audit, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var staff = StaffIdentity.Of(user);
            int? station = staff.IsAdmin ? null : staff.StationId ?? -1;
            var period = days is { } d && Periods.Contains(d) ? d : (int?)null;
            var since = period is { } p ? time.GetUtcNow().AddDays(-p) : (DateTimeOffset?)null;
            var summary = await ratings.SummaryAsync(station, since, cancellationToken);
            await audit.RecordAsync(user, AuditKind.View, HelpRatingTexts.Viewed, null, station, cancellationToken);
            return ConsolePage.Show<HelpRatingsPage>(new { Stations = summary, Days = period });
        });
        return app;
    }
}
