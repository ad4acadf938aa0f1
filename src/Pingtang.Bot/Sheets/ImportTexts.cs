namespace Pingtang.Bot.Sheets;

/// <summary>What the import commands and the staff's upload say around an import's report, for postings and sessions alike.</summary>
internal static class ImportTexts
{
    /// <summary>{0} the path, {1} why.</summary>
    public const string CannotOpen = "无法打开文件 {0}：{1}";

    public const string NotFound = "文件不存在";

    /// <summary>{0} the file, {1} why.</summary>
    public const string FileFailed = "无法导入 {0}：{1}";

    /// <summary>{0} the file or source, {1} the summary.</summary>
    public const string Done = "导入完成（{0}）：{1}";

    /// <summary>{0} how many are listed.</summary>
    public const string ProblemsHeading = "以下各行未导入（前 {0} 个问题，行号即 Excel 左侧的行号，第 1 行是表头）：";

    /// <summary>{0} line, {1} column, {2} message.</summary>
    public const string Problem = "  第 {0} 行「{1}」：{2}";

    /// <summary>{0} how many more.</summary>
    public const string MoreProblems = "  ……另有 {0} 个问题未列出。";

    public const string NoFile = "请选择要导入的 .xlsx 或 .csv 文件。";
}
