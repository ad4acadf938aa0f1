namespace Pingtang.Domain.Jobs;

/// <summary>
/// What a worker is looking for, from the menu's questions or from a sentence such as 东莞 电工 6000以上.
/// Every part is optional; an empty query finds every open posting.
/// </summary>
public sealed record JobQuery
{
    /// <summary>A new empty query each time: saved dialog state is read back into objects, so a shared instance could be changed.</summary>
    public static JobQuery Anything => new();

    public string? Province { get; init; }

    public string? City { get; init; }

    public string? District { get; init; }

    /// <summary>One of <see cref="TradeSynonyms.Groups"/>.</summary>
    public string? TradeGroup { get; init; }

    /// <summary>The lowest monthly pay the worker accepts; a daily wage counts <see cref="JobPosting.WorkDaysPerMonth"/> days.</summary>
    public int? MinMonthlyPay { get; init; }

    public bool NeedsMeals { get; init; }

    public bool NeedsHousing { get; init; }

    /// <summary>Words that must appear in the posting's text (采摘, 物流园…).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public bool HasPlace => Province is not null || City is not null || District is not null;

    /// <summary>
    /// The nearest wider searches, nearest first, for when this one finds nothing: drop the extra words, then the
    /// pay, then meals and housing, then widen the place step by step, then any trade.
    /// </summary>
    public IEnumerable<JobQuery> Wider()
    {
        var query = this;
        if (query.Keywords.Count > 0)
        {
            yield return query = query with { Keywords = [] };
        }

        if (query.MinMonthlyPay is not null)
        {
            yield return query = query with { MinMonthlyPay = null };
        }

        if (query.NeedsMeals || query.NeedsHousing)
        {
            yield return query = query with { NeedsMeals = false, NeedsHousing = false };
        }

        if (query.District is not null)
        {
            yield return query = query with { District = null, City = query.City ?? CityOf(query.District) };
        }

        if (query.City is not null)
        {
            yield return query = query with { City = null, Province = query.Province ?? ProvinceOf(query.City) };
        }

        if (query.Province is not null)
        {
            yield return query = query with { Province = null };
        }

        if (query.TradeGroup is not null)
        {
            yield return query with { TradeGroup = null };
        }
    }

    public bool Equals(JobQuery? other) =>
        other is not null && Province == other.Province && City == other.City && District == other.District
        && TradeGroup == other.TradeGroup && MinMonthlyPay == other.MinMonthlyPay && NeedsMeals == other.NeedsMeals
        && NeedsHousing == other.NeedsHousing && Keywords.SequenceEqual(other.Keywords);

    public override int GetHashCode() => HashCode.Combine(Province, City, District, TradeGroup, MinMonthlyPay, NeedsMeals, NeedsHousing, Keywords.Count);

    /// <summary>The one city a district belongs to; null when the name is in two cities (白云区 is in Guangzhou and Guiyang).</summary>
    private static string? CityOf(string district)
    {
        var cities = Places.Provinces.SelectMany(p => p.Cities).Where(c => c.Districts.Contains(district)).ToList();
        return cities.Count == 1 ? cities[0].Name : null;
    }

    private static string? ProvinceOf(string city) =>
        Places.Provinces.FirstOrDefault(p => p.Cities.Any(c => c.Name == city))?.Name;
}
