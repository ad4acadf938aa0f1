using System.Diagnostics;
using System.Globalization;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Jobs;
using Pingtang.Domain.Jobs;

namespace Pingtang.Benchmarks;

/// <summary>One search a worker makes: chosen from the menu (a query), typed (text the dialog reads first), or from a shared location (the postings nearest to it).</summary>
public sealed record SearchCase(string Kind, string Name, JobQuery? Query = null, string? Typed = null, int? Age = 35, GeoPoint? Near = null);

/// <summary>
/// The job search as the dialog runs it — a fresh unit of work per message, the typed text read, the count and the
/// first page — against the bare SQL it sends (recorded, then replayed through ADO.NET), in the same process and
/// database. Reports p50/p99 and the ratio; the targets are p99 under 20 ms and the ratio under 2.
/// </summary>
public sealed class SearchBenchmark(IServiceProvider services, Database database)
{
    public const double P99TargetMs = 20;
    public const double RatioTarget = 2;

    public static readonly IReadOnlyList<SearchCase> Cases =
    [
        new("菜单", "广东 · 普工 · 5000以上", new JobQuery { Province = Places.Guangdong, TradeGroup = "普工", MinMonthlyPay = 5000 }),
        new("菜单", "浙江 · 电工 · 不限", new JobQuery { Province = Places.Zhejiang, TradeGroup = "电工" }),
        new("菜单", "县内 · 不限 · 不限", new JobQuery { District = Places.Pingtang }),
        new("菜单", "不限 · 不限 · 不限", JobQuery.Anything),
        new("菜单", "贵州省内 · 农业种植（60岁）", new JobQuery { Province = Places.Guizhou, TradeGroup = TradeSynonyms.Seasonal }, Age: 60),
        new("打字", "东莞 电工 6000以上", Typed: "东莞 电工 6000以上"),
        new("打字", "白云区 普工 包吃住", Typed: "白云区 普工 包吃住"),
        new("打字", "采摘", Typed: "采摘"),
        new("打字", "200一天", Typed: "200一天"),
        new("打字", "宁波 焊工 1.2万", Typed: "宁波 焊工 1.2万"),
        new("打字", "深圳 电子厂（全文）", Typed: "深圳 电子厂"),
        new("打字", "夜班 包住（全文）", Typed: "夜班 包住"),
        new("位置", "大朗镇附近", Near: new GeoPoint(22.95, 113.94)),
        new("位置", "平塘县附近（60岁）", Age: 60, Near: new GeoPoint(25.83, 107.32)),
    ];

    public async Task<IReadOnlyList<CaseResult>> RunAsync(int runs, CancellationToken cancellationToken)
    {
        var recorder = services.GetRequiredService<SqlRecorder>();
        var results = new List<CaseResult>();
        foreach (var @case in Cases)
        {
            Task<JobResults> Ours() => SearchAsDialogAsync(@case, cancellationToken);
            var commands = await recorder.RecordAsync(Ours);
            Task<int> Bare() => ReplayAsync(commands, cancellationToken);

            var found = (await Ours()).Total;
            for (var i = 0; i < Math.Max(10, runs / 10); i++)
            {
                await Ours();
                await Bare();
            }

            var ours = new double[runs];
            var bare = new double[runs];
            long oursBytes = 0, bareBytes = 0;
            for (var i = 0; i < runs; i++)
            {
                // Alternating the two spreads any noise of the machine over both alike.
                (ours[i], var a) = await TimeAsync(Ours);
                (bare[i], var b) = await TimeAsync(Bare);
                oursBytes += a;
                bareBytes += b;
            }

            results.Add(new(@case, found, Stats.Of(ours), Stats.Of(bare), oursBytes / runs, bareBytes / runs));
        }

        return results;
    }

    private async Task<JobResults> SearchAsDialogAsync(SearchCase @case, CancellationToken cancellationToken)
    {
        if (@case.Near is { } near)
        {
            await using var nearby = services.CreateAsyncScope();
            return await nearby.ServiceProvider.GetRequiredService<JobSearch>().NearestAsync(near, @case.Age, 0, cancellationToken);
        }

        var query = @case.Typed is { } typed
            ? JobQueryReader.Read(TextNormalizer.Normalize(typed), requireClearIntent: true) ?? throw new InvalidOperationException($"「{typed}」 is not read as a search")
            : @case.Query!;
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobSearch>().FindAsync(query, @case.Age, 0, cancellationToken);
    }

    private async Task<int> ReplayAsync(IReadOnlyList<RecordedCommand> commands, CancellationToken cancellationToken)
    {
        await using DbConnection connection = database.IsPostgres ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (connection is SqliteConnection sqlite)
        {
            // The same connection settings as the service's, so that only EF Core and our code differ.
            SqliteTuning.Tune(sqlite);
        }

        var values = 0;
        foreach (var recorded in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = recorded.Text;
            foreach (var (name, value, type) in recorded.Parameters)
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, value ?? DBNull.Value);
                if (type != DbType.Object)
                {
                    parameter.DbType = type;
                }

                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var row = new object[reader.FieldCount];
            while (await reader.ReadAsync(cancellationToken))
            {
                values += reader.GetValues(row);
            }
        }

        return values;
    }

    private static async Task<(double Milliseconds, long Bytes)> TimeAsync<T>(Func<Task<T>> run)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: false);
        var watch = Stopwatch.StartNew();
        await run();
        return (watch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: false) - bytes);
    }
}

public sealed record Stats(double P50, double P99)
{
    public static Stats Of(double[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Order().ToArray();
        return new(Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    /// <summary>The nearest-rank percentile of sorted samples; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

public sealed record CaseResult(SearchCase Case, int Found, Stats Ours, Stats Bare, long OursBytes, long BareBytes)
{
    public double P50Ratio => Ours.P50 / Bare.P50;

    public double P99Ratio => Ours.P99 / Bare.P99;

    public bool MeetsTargets => Ours.P99 < SearchBenchmark.P99TargetMs && P99Ratio < SearchBenchmark.RatioTarget && P50Ratio < SearchBenchmark.RatioTarget;

    public string Row() => string.Format(
        CultureInfo.InvariantCulture,
        "{0,-4} {1,-26} {2,7} {3,8:F2} {4,8:F2} {5,8:F2} {6,8:F2} {7,6:F2} {8,6:F2} {9,8:N0} {10,8:N0} {11}",
        Case.Kind, Case.Name, Found, Ours.P50, Ours.P99, Bare.P50, Bare.P99, P50Ratio, P99Ratio, OursBytes / 1024.0, BareBytes / 1024.0, MeetsTargets ? "ok" : "MISSED");
}
