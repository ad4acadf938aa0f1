using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pingtang.Domain.Sheets;

/// <summary>
/// Reads a spreadsheet cell the way station staff type it: 6000, "6,000", "6000元", "0.6万"; 是/否/包/√/Y/1;
/// an Excel date, 2027-01-31, 2027/1/31 or 2027年1月31日. A cell that cannot be read gives a message naming what
/// was written, so staff can find and fix it.
/// </summary>
public static partial class SheetCells
{
    /// <summary>Words staff write in an optional number cell to mean "no figure": 年龄上限 不限, 招聘人数 若干.</summary>
    private static readonly HashSet<string> NoFigure = ["不限", "无", "若干", "面议", "不详", "-", "—", "/"];

    private static readonly HashSet<string> Yes = ["是", "包", "有", "提供", "包吃", "包住", "包吃住", "y", "yes", "true", "1", "√", "✓", "✔", "对"];

    private static readonly HashSet<string> No = ["否", "不包", "无", "没有", "不提供", "n", "no", "false", "0", "×", "✗", "✘", "x"];

    /// <summary>The last Excel serial date (9999-12-31); serial numbers are days since 1899-12-30.</summary>
    private const double LastExcelDate = 2_958_465;

    /// <summary>
    /// A cell as trimmed text, cleaned as <see cref="TypedText.Clean"/> cleans what people type; numbers as written
    /// without a decimal point, Excel dates as 2027-01-31.
    /// </summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string text => TypedText.Clean(text).Trim(),
        double number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "是" : "否",
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    /// <summary>A whole number, or null for an empty cell; <paramref name="problem"/> says why a cell could not be read.</summary>
    public static int? WholeNumber(object? cell, out string? problem)
    {
        problem = null;
        decimal? value = cell switch
        {
            // Beyond int's range the cell is wrong anyway; decimal cannot hold every double.
            double number => Math.Abs(number) <= int.MaxValue ? (decimal)number : decimal.MaxValue,
            string text => ParseNumber(text, out problem),
            null => null,
            _ => ParseNumber(Text(cell), out problem),
        };
        if (value is not { } v)
        {
            return null;
        }

        if (v != decimal.Truncate(v) || v is < int.MinValue or > int.MaxValue)
        {
            problem = string.Format(SheetTexts.NotWholeNumber, Text(cell));
            return null;
        }

        return (int)v;
    }

    /// <summary>是/否 in any of the ways staff write it; an empty cell is 否.</summary>
    public static bool YesNo(object? cell, out string? problem)
    {
        problem = null;
        switch (cell)
        {
            case bool flag:
                return flag;
            case double number when number is 0 or 1:
                return number == 1;
        }

        var text = Normalize(Text(cell)).ToLowerInvariant();
        if (text.Length == 0 || No.Contains(text))
        {
            return false;
        }

        if (Yes.Contains(text))
        {
            return true;
        }

        problem = string.Format(SheetTexts.NotYesNo, Text(cell));
        return false;
    }

    /// <summary>A calendar date from an Excel date cell, an Excel serial number or text; null for an empty cell.</summary>
    public static DateOnly? Date(object? cell, out string? problem)
    {
        problem = null;
        switch (cell)
        {
            case null:
                return null;
            case DateTime date:
                return DateOnly.FromDateTime(date);
            case double serial when serial >= 1 && serial <= LastExcelDate:
                return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        var text = Normalize(Text(cell));
        if (text.Length == 0)
        {
            return null;
        }

        if (DatePattern().Match(text) is { Success: true } match
            && DateOnly.TryParseExact(
                $"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{match.Groups["d"].Value}",
                "yyyy-M-d",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var parsed))
        {
            return parsed;
        }

        problem = string.Format(SheetTexts.NotDate, Text(cell));
        return null;
    }

    /// <summary>
    /// A time of day from an Excel time cell (a fraction of a day, or a date-time whose time is used), or text such
    /// as 7:30, 07:30:00, 7点30 or 7点; null for an empty cell.
    /// </summary>
    public static TimeOnly? Time(object? cell, out string? problem)
    {
        problem = null;
        switch (cell)
        {
            case null:
                return null;
            case DateTime date:
                return TimeOnly.FromDateTime(date);
            case TimeSpan span when span >= TimeSpan.Zero && span < TimeSpan.FromDays(1):
                return TimeOnly.FromTimeSpan(span);
            case double fraction when fraction >= 0 && fraction < 1:
                // Rounded to the minute: Excel keeps 07:30 as 0.3125 but 06:40 as 0.27777…
                return TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Round(fraction * 24 * 60) % (24 * 60)));
        }

        var text = Normalize(Text(cell));
        if (text.Length == 0)
        {
            return null;
        }

        if (TimePattern().Match(text) is { Success: true } match
            && int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) is var hour and < 24
            && (match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0) is var minute and < 60)
        {
            return new TimeOnly(hour, minute);
        }

        problem = string.Format(SheetTexts.NotTime, Text(cell));
        return null;
    }

    private static decimal? ParseNumber(string text, out string? problem)
    {
        problem = null;
        var written = Normalize(text);
        if (written.Length == 0 || NoFigure.Contains(written))
        {
            return null;
        }

        var match = NumberPattern().Match(written.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));
        if (!match.Success || !decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            problem = string.Format(SheetTexts.NotNumber, text.Trim());
            return null;
        }

        return match.Groups["x"].Value switch
        {
            "万" => number * 10_000,
            "千" or "k" or "K" => number * 1_000,
            _ => number,
        };
    }

    /// <summary>Full-width digits and punctuation (６０００，２０２７／１／３１) read as their ASCII forms.</summary>
    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>A number with an optional 万/千/k and a unit: 6000元, 0.6万, 6k, 200元/天, 45岁, 20人, ¥5000.</summary>
    [GeneratedRegex(@"^(?:¥|RMB)?(?<n>\d+(?:\.\d+)?)(?<x>万|千|k|K)?(?:元|块)?(?:/|每)?(?:月|天|日|人|名|个|岁|周岁)?$")]
    private static partial Regex NumberPattern();

    /// <summary>7:30, 07:30:00, 7点30, 7点30分, 7点, 7时30分.</summary>
    [GeneratedRegex(@"^(?<h>\d{1,2})\s*(?:[:：]\s*(?<m>\d{2})(?:[:：]\d{2})?|[点时]\s*(?:(?<m>\d{1,2})\s*分?)?)$")]
    private static partial Regex TimePattern();

    /// <summary>2027-01-31, 2027/1/31, 2027.1.31, 2027年1月31日, optionally followed by a time of day.</summary>
    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*[日号]?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")]
    private static partial Regex DatePattern();
}
