using System.Globalization;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Tests.Jobs;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Training;
using Columns = Pingtang.Domain.Jobs.JobPostingDraft.Columns;

namespace Pingtang.Domain.Tests;

/// <summary>The dates staff may give, on the tests' day 2026-11-29: from 2000 to 2028-11-29, a session within a year.</summary>
public sealed class StaffDatesTests
{
    private static readonly HashSet<string> Stations = [Station.DongguanDalang];

    [Theory]
    [InlineData("9999-12-31", "9999-12-31", "9999-12-30", nameof(TrainingSessionDetails.StartsOn))]
    [InlineData("0001-01-01", "0001-01-02", "0001-01-01", nameof(TrainingSessionDetails.StartsOn))]
    [InlineData("1999-12-31", "2000-01-10", "1999-12-30", nameof(TrainingSessionDetails.StartsOn))]
    [InlineData("2028-11-30", "2028-12-10", "2028-11-20", nameof(TrainingSessionDetails.StartsOn))]
    [InlineData("2026-12-10", "2027-12-11", "2026-12-08", nameof(TrainingSessionDetails.EndsOn))]
    [InlineData("2026-12-10", "2026-12-24", "0001-01-01", nameof(TrainingSessionDetails.EnrolBy))]
    [InlineData("2028-11-29", "2029-11-29", "2028-11-20", null)]
    [InlineData("2000-01-01", "2000-01-10", "2000-01-01", null)]
    public void A_sessions_dates_are_within_the_bounds(string startsOn, string endsOn, string enrolBy, string? refused)
    {
        var details = TrainingData.Welding with { StartsOn = Date(startsOn), EndsOn = Date(endsOn), EnrolBy = Date(enrolBy) };

        Assert.Equal(refused, details.Problem(TrainingData.Today)?.Detail);
    }

    [Fact]
    public void An_out_of_range_date_says_what_may_be_given()
    {
        var problem = (TrainingData.Welding with { StartsOn = Date("9999-12-31"), EndsOn = Date("9999-12-31") }).Validate(TrainingData.Today);

        Assert.Equal("9999-12-31 不在可填的范围内，应在 2000-01-01 到 2028-11-29（今天起两年内）之间", problem);
    }

    [Theory]
    [InlineData("9999-12-31", "不在可填的范围内")]
    [InlineData("2028-11-30", "不在可填的范围内")]
    [InlineData("0001-01-01", "已经过去")]
    [InlineData("2028-11-29", null)]
    public void A_postings_closing_date_is_within_the_bounds(string closesOn, string? refused)
    {
        var problems = (JobDrafts.Factory with { ClosesOn = Date(closesOn) }).Validate(TrainingData.Today, Stations);

        Assert.Equal(refused is null ? [] : [Columns.ClosesOn], problems.Select(p => p.Column));
        Assert.All(problems, p => Assert.Contains(refused!, p.Message, StringComparison.Ordinal));
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
