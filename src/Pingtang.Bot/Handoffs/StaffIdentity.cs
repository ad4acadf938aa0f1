using System.Globalization;
using System.Security.Claims;
using Pingtang.Domain.Handoffs;

namespace Pingtang.Bot.Handoffs;

/// <summary>The signed-in staff member as the desk needs them: id, the name workers see, and their station.</summary>
public static class StaffIdentity
{
    public const string StationClaim = "pt:station";
    public const string DisplayNameClaim = "pt:display-name";

    public static DeskStaff Of(ClaimsPrincipal? user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var n) ? n : 0;
        var name = user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "工作人员";
        int? station = int.TryParse(user.FindFirstValue(StationClaim), CultureInfo.InvariantCulture, out var s) ? s : null;
        return new DeskStaff(id, name, station);
    }
}
