namespace Pingtang.Bot.Staff;

/// <summary>
/// One line of the staff home's list: each feature registers its own (<c>services.AddSingleton(new StaffLink(…))</c>),
/// so the home knows no feature.
/// </summary>
public sealed record StaffLink(string Path, string Title, string Description);
