using Pingtang.Domain.Sheets;

namespace Pingtang.Domain.Jobs;

/// <summary>
/// One posting as a station's spreadsheet gives it, before it is checked. The column headers the stations use are
/// the names in <see cref="Columns"/>; problems name the column so staff can find the cell. Its text is cleaned as
/// it is set (<see cref="TypedText.Clean"/>), whatever made the draft.
/// </summary>
public sealed record JobPostingDraft
{
    public const int ExternalIdMaxLength = 64;
    public const int TitleMaxLength = 64;
    public const int EmployerMaxLength = 128;
    public const int ShortTextMaxLength = 32;
    public const int DescriptionMaxLength = 2000;
    public const int HighestMonthlyPay = 100_000;
    public const int HighestDailyPay = 5_000;

    /// <summary>The spreadsheet's headers, in the order the stations' template has them.</summary>
    public static class Columns
    {
        public const string ExternalId = "外部编号";
        public const string Title = "岗位名称";
        public const string Trade = "工种";
        public const string Employer = "用人单位";
        public const string Province = "省";
        public const string City = "市";
        public const string District = "区县";
        public const string MonthlyPayMin = "月薪下限";
        public const string MonthlyPayMax = "月薪上限";
        public const string DailyPay = "日薪";
        public const string Meals = "包吃";
        public const string Housing = "包住";
        public const string AgeMin = "年龄下限";
        public const string AgeMax = "年龄上限";
        public const string Headcount = "招聘人数";
        public const string Station = "联系站点";
        public const string ClosesOn = "截止日期";
        public const string Description = "岗位描述";

        public static readonly IReadOnlyList<string> All =
        [
            ExternalId, Title, Trade, Employer, Province, City, District, MonthlyPayMin, MonthlyPayMax, DailyPay,
            Meals, Housing, AgeMin, AgeMax, Headcount, Station, ClosesOn, Description,
        ];
    }

    public required string ExternalId { get; init => field = TypedText.Clean(value); }

    public required string Title { get; init => field = TypedText.Clean(value); }

    public required string Trade { get; init => field = TypedText.Clean(value); }

    public required string Employer { get; init => field = TypedText.Clean(value); }

    public required string Province { get; init => field = TypedText.Clean(value); }

    public required string City { get; init => field = TypedText.Clean(value); }

    public string District { get; init => field = TypedText.Clean(value); } = "";

    public int? MonthlyPayMin { get; init; }

    public int? MonthlyPayMax { get; init; }

    public int? DailyPay { get; init; }

    public bool MealsProvided { get; init; }

    public bool HousingProvided { get; init; }

    public int? AgeMin { get; init; }

    public int? AgeMax { get; init; }

    public int Headcount { get; init; } = 1;

    /// <summary>联系站点: the exact name of the station that vouches for the posting.</summary>
    public required string Station { get; init => field = TypedText.Clean(value); }

    public required DateOnly ClosesOn { get; init; }

    public string? Description { get; init => field = TypedText.Clean(value); }

    /// <summary>Every broken rule, each naming its column; empty when the posting can be saved.</summary>
    public IReadOnlyList<JobProblem> Validate(DateOnly today, IReadOnlySet<string> stations)
    {
        ArgumentNullException.ThrowIfNull(stations);
        var problems = new List<JobProblem>();
        void Require(string column, string value, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(column, "不能为空"));
            }
            else if (value.Trim().Length > maxLength)
            {
                problems.Add(new(column, $"不能超过{maxLength}个字"));
            }
        }

        Require(Columns.ExternalId, ExternalId, ExternalIdMaxLength);
        Require(Columns.Title, Title, TitleMaxLength);
        Require(Columns.Trade, Trade, ShortTextMaxLength);
        Require(Columns.Employer, Employer, EmployerMaxLength);
        Require(Columns.Province, Province, ShortTextMaxLength);
        Require(Columns.City, City, ShortTextMaxLength);
        if (District.Trim().Length > ShortTextMaxLength)
        {
            problems.Add(new(Columns.District, $"不能超过{ShortTextMaxLength}个字"));
        }

        CheckPay(problems);
        CheckAges(problems);
        if (Headcount is < 1 or > 10_000)
        {
            problems.Add(new(Columns.Headcount, "应为1到10000之间的整数"));
        }

        if (!stations.Contains(Station.Trim()))
        {
            problems.Add(new(Columns.Station, string.Format(SheetTexts.UnknownStation, Station)));
        }

        if (ClosesOn < today)
        {
            problems.Add(new(Columns.ClosesOn, $"{ClosesOn:yyyy-MM-dd} 已经过去"));
        }
        else if (StaffDates.Problem(ClosesOn, today) is { } closesOn)
        {
            problems.Add(new(Columns.ClosesOn, closesOn));
        }

        if (Description?.Trim().Length > DescriptionMaxLength)
        {
            problems.Add(new(Columns.Description, $"不能超过{DescriptionMaxLength}个字"));
        }

        return problems;
    }

    private void CheckPay(List<JobProblem> problems)
    {
        if (MonthlyPayMin is null && MonthlyPayMax is null && DailyPay is null)
        {
            problems.Add(new(Columns.MonthlyPayMin, "月薪或日薪至少填一项"));
        }

        if (MonthlyPayMin is < 0 or > HighestMonthlyPay)
        {
            problems.Add(new(Columns.MonthlyPayMin, $"应在0到{HighestMonthlyPay}元之间"));
        }

        if (MonthlyPayMax is < 0 or > HighestMonthlyPay)
        {
            problems.Add(new(Columns.MonthlyPayMax, $"应在0到{HighestMonthlyPay}元之间"));
        }

        if (MonthlyPayMin > MonthlyPayMax)
        {
            problems.Add(new(Columns.MonthlyPayMax, $"月薪下限{MonthlyPayMin}高于上限{MonthlyPayMax}"));
        }

        if (DailyPay is < 0 or > HighestDailyPay)
        {
            problems.Add(new(Columns.DailyPay, $"应在0到{HighestDailyPay}元之间"));
        }
    }

    private void CheckAges(List<JobProblem> problems)
    {
        if (AgeMin is < 16 or > 80)
        {
            problems.Add(new(Columns.AgeMin, "应在16到80岁之间"));
        }

        if (AgeMax is < 16 or > 80)
        {
            problems.Add(new(Columns.AgeMax, "应在16到80岁之间"));
        }

        if (AgeMin > AgeMax)
        {
            problems.Add(new(Columns.AgeMax, $"年龄下限{AgeMin}高于上限{AgeMax}"));
        }
    }
}

/// <summary>What is wrong with one cell of a posting, for the import report.</summary>
public sealed record JobProblem(string Column, string Message);
