namespace Pingtang.Bot.Staff;

/// <summary>
/// One entry of the console's navigation and home page: each feature registers its own
/// (<c>services.AddSingleton(new StaffLink(…))</c>), so the frame knows no feature. <paramref name="Order"/> sorts them.
/// </summary>
public sealed record StaffLink(string Path, string Title, string Description, bool AdminOnly = false, int Order = 50);
