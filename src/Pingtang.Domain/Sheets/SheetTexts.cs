using static System.FormattableString;

namespace Pingtang.Domain.Sheets;

/// <summary>
/// What an import of a staff sheet says about the file, its cells and what it did — the same for postings and
/// training sessions — in words the station staff who made the file can act on.
/// </summary>
public static class SheetTexts
{
    public const string WrongExtension = "只能导入 .xlsx（Excel 表格）或 .csv（UTF-8 编码）文件。";

    public const string EmptyFile = "文件是空的：第一行应是表头，从第二行起每行一条（一个岗位或一期培训班）。";

    public const string NotUtf8 = "CSV 文件不是 UTF-8 编码，中文会读错。请在 Excel 中“另存为”选择「CSV UTF-8（逗号分隔）」，或直接导入 .xlsx 文件。";

    public const string UnreadableXlsx = "无法读取这个 .xlsx 文件：它可能已损坏，或不是 Excel 表格。请用 Excel 打开后重新保存再导入。";

    public const string UnreadableCsv = "无法读取这个 .csv 文件，请用 Excel 打开后另存为「CSV UTF-8（逗号分隔）」再导入。";

    /// <summary>What the import says when it failed for a reason it did not expect; what happened is in the log.</summary>
    public const string Unexpected = "导入时系统出错，错误已记下供技术人员查看。请稍后再试；如果一再出错，请把这个文件交给技术人员。";

    /// <summary>{0} what about the file is odd.</summary>
    public const string OddXlsx = "这个 .xlsx 文件{0}，不像 Excel 保存的表格，无法导入。请用 Excel 打开后另存为 .xlsx 再导入。";

    public static readonly string CellTooLong = Invariant($"表格中有一个单元格超过 {SheetLimits.CellCharacters:N0} 个字符（Excel 每格的上限），无法导入。请删短后重新导入。");

    public static readonly string TooManyRows = Invariant($"表格超过 {SheetLimits.Rows:N0} 行（算到最后一行的行号，空行也算），无法导入。请拆成几个文件分别导入。");

    public static readonly string TooManyColumns = Invariant($"表格超过 {SheetLimits.Columns:N0} 列，无法导入。请删掉多余的列后重新导入。");

    public static readonly string CsvLineTooLong = Invariant($"CSV 文件中有一行超过 {SheetLimits.CsvLineCharacters:N0} 个字符，无法导入。请检查后重新导入。");

    public static readonly string XlsxTooLarge = Invariant($"这个 .xlsx 文件解压后太大（每一部分最多 {SheetLimits.XlsxPartBytes / Megabyte:N0} MB，合计最多 {SheetLimits.XlsxTotalBytes / Megabyte:N0} MB），无法导入。请把表格拆成几个文件分别导入。");

    public static readonly string TooManyParts = Odd(Invariant($"有超过 {SheetLimits.XlsxParts:N0} 个部分"));

    public static readonly string MarkupTooLong = Odd(Invariant($"中有一段标记超过 {SheetLimits.XmlMarkupBytes / Megabyte:N0} MB"));

    public static readonly string TooDeep = Odd(Invariant($"的标记嵌套超过 {SheetLimits.XmlDepth} 层"));

    public static readonly string NotUtf8Xml = Odd("中有一部分不是 UTF-8 编码");

    /// <summary>{0} the header, {1} and {2} the two columns (A, B, …).</summary>
    public const string DuplicateHeader = "表头「{0}」出现了两次（{1}列和{2}列），请删掉多余的一列。";

    /// <summary>{0} the missing headers, {1} every header of the template.</summary>
    public const string MissingHeaders = "缺少必需的列：{0}。第一行应是表头，列的顺序不限，模板的表头是：{1}";

    /// <summary>{0} the external id, {1} the line where it first appeared.</summary>
    public const string DuplicateExternalId = "「{0}」与第{1}行重复";

    public const string EmptyCell = "不能为空";

    /// <summary>{0} the name in the cell.</summary>
    public const string UnknownStation = "「{0}」不是已登记的站点";

    /// <summary>{0} what was written.</summary>
    public const string NotWholeNumber = "「{0}」应为整数";

    /// <summary>{0} what was written.</summary>
    public const string NotNumber = "「{0}」不是数字，请只填一个数，例如 6000";

    /// <summary>{0} what was written.</summary>
    public const string NotYesNo = "「{0}」应填“是”或“否”";

    /// <summary>{0} what was written.</summary>
    public const string NotDate = "「{0}」不是日期，请写成 2027-01-31 这样";

    /// <summary>{0} what was written.</summary>
    public const string NotTime = "「{0}」不是时间，请写成 07:30 这样";

    /// <summary>{0} the headers, {1} every header of the template.</summary>
    public const string UnknownColumns = "这些列不认识，已忽略：{0}。如果是写错了表头，请改成模板里的：{1}";

    /// <summary>{0} how many rows were saved before the file broke off.</summary>
    public const string PartlySaved = "出错前已保存 {0} 条。修好文件后重新导入即可：已导入的按外部编号更新，不会重复。";

    private const long Megabyte = 1024 * 1024;

    public static string UnknownColumnsNote(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Format(UnknownColumns, string.Join("、", report.UnknownColumns), string.Join(",", report.Columns));
    }

    /// <summary>新增 120 条，更新 30 条，跳过 5 行（7 个问题）</summary>
    public static string Summary(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = $"新增 {report.Added:N0} 条，更新 {report.Updated:N0} 条，跳过 {report.Skipped:N0} 行";
        return report.ProblemCount > 0 ? $"{summary}（{report.ProblemCount:N0} 个问题）" : summary;
    }

    private static string Odd(string what) => string.Format(OddXlsx, what);
}
