using Pingtang.Domain.Jobs;

namespace Pingtang.Bot.Jobs;

/// <summary>What the job search remembers between messages.</summary>
public sealed class JobSearchFlow
{
    /// <summary>Set when the search starts from words the worker typed; the questions are then skipped.</summary>
    public JobQuery? Query { get; set; }

    /// <summary>Set when the search starts from a location the worker shared: the results are the postings nearest to it, and <see cref="Query"/> is not used.</summary>
    public GeoPoint? Near { get; set; }

    public int Page { get; set; }

    /// <summary>The postings on the page the worker sees, so that 「2」 opens the second.</summary>
    public List<int> PageIds { get; set; } = [];

    public bool HasNextPage { get; set; }

    public int? PostingId { get; set; }

    /// <summary>The worker's age, looked up once when the search starts rather than for every page.</summary>
    public int? Age { get; set; }

    /// <summary>Starts the results over for <paramref name="query"/>, or (null) from the questions, as a search from the menu does.</summary>
    public void SearchFor(JobQuery? query)
    {
        Query = query;
        Near = null;
        Page = 0;
    }
}
