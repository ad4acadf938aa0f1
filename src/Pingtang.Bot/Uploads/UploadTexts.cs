using Pingtang.Bot.Dialogs;

namespace Pingtang.Bot.Uploads;

/// <summary>
/// What a worker is told when files they sent were not taken: Web Chat itself shows only 发送失败 and 重试, and
/// retrying the same file fails the same way. Short lines for people with little reading practice.
/// </summary>
public static class UploadTexts
{
    public const string TypeNotAllowed = "这个文件收不了：只能发照片、录音，或者 PDF、Word、Excel 文件。请换一个再发。";

    /// <summary>{0} the most one file may be.</summary>
    public const string FileTooLarge = "这个文件太大，收不了：一个文件最多{0}。请换一个小一点的再发。";

    /// <summary>{0} how many files one sending may carry.</summary>
    public const string TooManyFiles = "一次最多发{0}个文件，请分几次发。";

    public const string Empty = "这个文件是空的，收不了。请换一个再发。";

    /// <summary>{0} the most all files of one sending may be together.</summary>
    public const string TooLargeInAll = "这次发的文件加起来太大，最多{0}。请分几次发。";

    public static string For(UploadProblem problem, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return problem switch
        {
            UploadProblem.TooManyFiles => DialogTexts.Format(TooManyFiles, limits.MaxFiles),
            UploadProblem.FileTooLarge => DialogTexts.Format(FileTooLarge, UploadBatch.SizeText(limits.MaxFileBytes)),
            UploadProblem.Empty => Empty,
            _ => TypeNotAllowed,
        };
    }
}
