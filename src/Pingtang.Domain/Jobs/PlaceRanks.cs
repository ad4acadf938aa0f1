using System.Linq.Expressions;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// The places of <see cref="PlaceCentroids"/> ranked by their distance from one point, nearest first (places at the
/// same distance, such as a city and the district that is its seat, in the table's order), and that ranking as an
/// ordering the database applies to postings.
/// </summary>
/// <remarks>
/// The distances are worked out here, for a hundred places, instead of for every posting in the database: the
/// database only finds a posting's place in <see cref="Sequence"/>, the places' codes in order of distance, and orders
/// by where it is (<see cref="Order"/>). The code comes from one CASE over city and district, built once from the
/// table, so the query's text is the same for every point and its one parameter is the sequence. (With the ranks as
/// a hundred parameters instead, EF Core spent more time on evaluating them than the database on the search.)
/// </remarks>
internal sealed class PlaceRanks
{
    private static readonly IReadOnlyList<(string City, string District, GeoPoint Point)> Places =
        [.. PlaceCentroids.All.Select(p => (p.Key.City, p.Key.District, p.Value))];

    private static readonly Dictionary<(string City, string District), int> PlaceIndex =
        Places.Select((place, index) => (place, index)).ToDictionary(p => (p.place.City, p.place.District), p => p.index);

    private static readonly ParameterExpression Posting = Expression.Parameter(typeof(JobPosting), "j");

    private static readonly Expression CodeOfPosting = BuildCodeOfPosting();

    private static readonly System.Reflection.MethodInfo IndexOf = typeof(string).GetMethod(nameof(string.IndexOf), [typeof(string)])!;

    private PlaceRanks(GeoPoint point)
    {
        var byDistance = Places.Select((place, index) => (Index: index, Km: place.Point.KilometresTo(point))).OrderBy(p => p.Km).ThenBy(p => p.Index).ToList();
        Ranks = new int[Places.Count];
        var rank = 0;
        foreach (var (index, _) in byDistance)
        {
            Ranks[index] = rank++;
        }

        Sequence = string.Concat(byDistance.Select(p => Code(p.Index))) + "|";
    }

    /// <summary>The cities of the table: a posting elsewhere has no rank.</summary>
    public static IReadOnlyList<string> Cities { get; } = [.. Places.Select(p => p.City).Distinct()];

    /// <summary>The codes of the places, nearest first: <c>|12|3|47|…|</c>. A property, read by <see cref="Order"/>, so that EF Core sends it as a parameter.</summary>
    public string Sequence { get; }

    /// <summary>
    /// Where a posting's place is in <see cref="Sequence"/>, as the database works it out: it grows with the rank, so
    /// it orders postings as the ranks do (for a posting of one of <see cref="Cities"/>).
    /// </summary>
    public Expression<Func<JobPosting, int>> Order =>
        Expression.Lambda<Func<JobPosting, int>>(Expression.Call(Expression.Property(Expression.Constant(this), nameof(Sequence)), IndexOf, CodeOfPosting), Posting);

    /// <summary>Each place's rank, by its index in <see cref="Places"/>.</summary>
    private int[] Ranks { get; }

    public static PlaceRanks From(GeoPoint point) => new(point);

    /// <summary>The rank of a posting's place (<see cref="PlaceCentroids.OfPosting"/>), for a posting of one of <see cref="Cities"/>.</summary>
    public int Of(string city, string district) =>
        Ranks[PlaceIndex.TryGetValue((city, district), out var index) ? index : PlaceIndex[(city, "")]];

    /// <summary>The <paramref name="count"/> cities whose nearest place is nearest, nearest first.</summary>
    public string[] NearestCities(int count) =>
        [.. Places.Select((place, index) => (place.City, Rank: Ranks[index])).GroupBy(p => p.City).OrderBy(c => c.Min(p => p.Rank)).Take(count).Select(c => c.Key)];

    /// <summary>The best rank of a place outside <paramref name="cities"/>: every posting in those cities ranked below it is where it would be among all.</summary>
    public int FirstOutside(IReadOnlyCollection<string> cities) =>
        Places.Select((place, index) => (place.City, Rank: Ranks[index])).Where(p => !cities.Contains(p.City)).Select(p => p.Rank).DefaultIfEmpty(int.MaxValue).Min();

    /// <summary>
    /// A place's code: its index between bars, so that one code never matches inside another in <see cref="Sequence"/>
    /// (<c>|1|</c> is not in <c>|12|</c>); the bar that closes a code opens the next, and the sequence's last bar
    /// closes the last.
    /// </summary>
    private static string Code(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"|{index}");

    /// <summary>
    /// A CASE over the posting's city, and within it its district, that gives its place's code and closing bar; a
    /// district the table does not list under its city takes the city's own.
    /// </summary>
    private static Expression BuildCodeOfPosting()
    {
        // Never reached: only postings of the table's cities are ranked.
        Expression code = Expression.Constant("");
        foreach (var city in Places.Select((place, index) => (place.City, place.District, Index: index)).GroupBy(p => p.City).Reverse())
        {
            var inCity = CodeAt(city.Single(p => p.District.Length == 0).Index);
            foreach (var district in city.Where(p => p.District.Length > 0).Reverse())
            {
                inCity = Expression.Condition(Is(nameof(JobPosting.District), district.District), CodeAt(district.Index), inCity);
            }

            code = Expression.Condition(Is(nameof(JobPosting.City), city.Key), inCity, code);
        }

        return code;

        static Expression CodeAt(int index) => Expression.Constant(Code(index) + "|");

        static Expression Is(string property, string value) => Expression.Equal(Expression.Property(Posting, property), Expression.Constant(value));
    }
}
