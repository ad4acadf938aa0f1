using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Tests.Support;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Tests.Jobs;

namespace Pingtang.Bot.Tests.Jobs;

/// <summary>
/// The job search on PostgreSQL, which has no FTS5, finds what it finds on SQLite: the same postings for the same
/// words, through the index of its own.
/// </summary>
public sealed class JobSearchOnPostgresTests
{
    private static readonly JobPostingDraft[] Drafts =
    [
        JobDrafts.Factory with { ExternalId = "1", Title = "辣椒采摘工", Trade = "采摘", Employer = "遵义辣椒基地", Province = "贵州", City = "遵义", District = "播州区", Station = Station.CountyCentre },
        JobDrafts.Factory with { ExternalId = "2", Title = "电子厂普工" },
        JobDrafts.Factory with { ExternalId = "3", Title = "CNC操作工", Trade = "操作工", Description = "会看图纸优先" },
        JobDrafts.Factory with { ExternalId = "4", Title = "食堂帮厨", Trade = "厨师", Employer = "白云区某酒店", City = "广州", District = "白云区", Province = "广东" },
        JobDrafts.Factory with { ExternalId = "5", Title = "茶叶采摘", Trade = "采摘", Province = "贵州", City = "黔南", District = "都匀市", Station = Station.CountyCentre },
        JobDrafts.Factory with { ExternalId = "6", Title = "电工", Trade = "电工", Description = "持证上岗，厨房电器维修" },
    ];

    /// <summary>Words a worker types, and how many of <see cref="Drafts"/> SQLite finds for them.</summary>
    public static TheoryData<string, int> Searches => new()
    {
        { "采摘", 2 },
        { "辣椒采摘", 1 },
        { "东莞 电子厂", 1 },
        { "cnc", 1 },
        { "厨", 2 },
        { "白云区 厨师", 1 },
        { "遵义 采摘", 1 },
        { "挖掘机", 0 },
    };

    [PostgresTheory]
    [MemberData(nameof(Searches))]
    public async Task Postgres_finds_the_postings_sqlite_finds(string words, int found)
    {
        var query = JobQueryReader.Read(words, requireClearIntent: false) ?? new JobQuery { Keywords = [words] };

        var onSqlite = await FoundAsync(new PingtangFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" }), query);
        var onPostgres = await FoundAsync(new PingtangFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" }), query);

        Assert.Equal(found, onSqlite.Length);
        Assert.Equal(onSqlite, onPostgres);
    }

    [PostgresFact]
    public async Task Postgres_answers_keywords_from_the_index()
    {
        using var factory = new PingtangFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" });
        await Postings.AddAsync(factory, Drafts);
        await using var connection = new NpgsqlConnection(factory.PostgresDatabase);
        await connection.OpenAsync();
        // With six postings a scan is cheapest; told not to scan, the planner shows whether it can use the index at all.
        await using (var noScans = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await noScans.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            """EXPLAIN SELECT count(*) FROM "JobPostings" WHERE job_terms_match("SearchTerms", $1)""",
            connection) { Parameters = { new() { Value = JobTermsOnPostgres.Query(["采摘"])! } } };

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains("IX_JobPostings_SearchTerms", StringComparison.Ordinal));
    }

    private static async Task<string[]> FoundAsync(PingtangFactory factory, JobQuery query)
    {
        using (factory)
        {
            await Postings.AddAsync(factory, Drafts);
            await using var scope = factory.Services.CreateAsyncScope();
            var results = await scope.ServiceProvider.GetRequiredService<JobSearch>().FindAsync(query, age: null, page: 0, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<PingtangDb>();
            var ids = results.Items.Select(i => i.Id).ToList();
            return [.. db.JobPostings.Where(j => ids.Contains(j.Id)).Select(j => j.ExternalId).AsEnumerable().Order(StringComparer.Ordinal)];
        }
    }
}
