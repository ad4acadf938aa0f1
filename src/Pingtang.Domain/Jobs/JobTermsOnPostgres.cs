using Microsoft.EntityFrameworkCore;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// The job search's keywords on PostgreSQL, which has no FTS5: a posting's <see cref="JobPosting.SearchTerms"/> (its
/// bigrams and words, <see cref="JobSearchTerms"/>) read as an array, which must contain every term the keywords
/// have, behind a GIN index of that array. Array containment compares whole terms, so it needs neither a dictionary
/// nor a locale that knows Chinese (which <c>pg_trgm</c> and text search's parsers do). A single Chinese character,
/// which is no term of its own, must appear somewhere in the text (<c>LIKE</c>), as FTS5's prefix query finds it.
/// </summary>
/// <remarks>
/// The SQL function <see cref="FunctionName"/> is created by the PostgreSQL migrations (Initial); it is one SQL expression,
/// which PostgreSQL inlines into the query, so the planner sees <c>string_to_array("SearchTerms", ' ') @> …</c> and
/// uses the index.
/// </remarks>
public static class JobTermsOnPostgres
{
    public const string FunctionName = "job_terms_match";

    /// <summary>
    /// Whether a posting's terms hold the query of <see cref="Query"/>; only for queries, where PostgreSQL answers it.
    /// </summary>
    public static bool Found(string searchTerms, string query) =>
        throw new NotSupportedException($"{nameof(Found)} is answered by PostgreSQL's {FunctionName}, in a query.");

    /// <summary>
    /// The query for <see cref="Found"/>: the words' terms, a bar, and a <c>LIKE</c> pattern per single Chinese
    /// character; null when no word has a searchable character (as <see cref="JobSearchTerms.Match"/>).
    /// </summary>
    public static string? Query(IEnumerable<string> words)
    {
        var terms = new List<string>();
        var singles = new List<string>();
        foreach (var split in words.Select(word => JobSearchTerms.Split(word).ToList()).Where(split => split.Count > 0))
        {
            if (split is [var one] && JobSearchTerms.IsSingleCharacter(one))
            {
                singles.Add($"%{one}%");
            }
            else
            {
                terms.AddRange(split);
            }
        }

        return terms.Count + singles.Count == 0 ? null : $"{string.Join(' ', terms.Distinct(StringComparer.Ordinal))}|{string.Join(' ', singles)}";
    }

    internal static void Map(ModelBuilder modelBuilder) =>
        modelBuilder.HasDbFunction(typeof(JobTermsOnPostgres).GetMethod(nameof(Found))!).HasName(FunctionName);
}
