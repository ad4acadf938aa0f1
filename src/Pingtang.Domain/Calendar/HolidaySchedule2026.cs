namespace Pingtang.Domain.Calendar;

/// <summary>
/// The 2026 schedule as the State Council published it, seeded once; staff edit the table from then on. Later years
/// are entered by staff from their own notices: nothing here guesses them.
/// </summary>
internal static class HolidaySchedule2026
{
    public const string Notice = "国务院办公厅关于2026年部分节假日安排的通知";

    public static IReadOnlyList<(DateOnly Date, DayKind Kind, string Name)> Days { get; } =
    [
        .. Off("元旦", 1, 1, 3), On("元旦", 1, 4),
        On("春节", 2, 14), .. Off("春节", 2, 15, 23), On("春节", 2, 28),
        .. Off("清明节", 4, 4, 6),
        .. Off("劳动节", 5, 1, 5), On("劳动节", 5, 9),
        .. Off("端午节", 6, 19, 21),
        On("国庆节", 9, 20), .. Off("中秋节", 9, 25, 27),
        .. Off("国庆节", 10, 1, 7), On("国庆节", 10, 10),
    ];

    private static IEnumerable<(DateOnly, DayKind, string)> Off(string name, int month, int firstDay, int lastDay) =>
        Enumerable.Range(firstDay, lastDay - firstDay + 1).Select(day => (new DateOnly(2026, month, day), DayKind.Holiday, name));

    private static (DateOnly, DayKind, string) On(string name, int month, int day) => (new DateOnly(2026, month, day), DayKind.Workday, name);
}
