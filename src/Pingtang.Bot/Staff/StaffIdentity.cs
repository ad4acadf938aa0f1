using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Pingtang.Domain.Handoffs;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Staff;

/// <summary>A signed-in staff member, read from their cookie's claims.</summary>
/// <param name="MustChangePassword">Their password is a one-time one: every page but the password page sends them there.</param>
public sealed record StaffUser(int Id, string Account, string Name, bool IsAdmin, int? StationId, string? StationName, bool MustChangePassword)
{
    /// <summary>Whether they may see a record of <paramref name="stationId"/>: their own station's, or any for an admin.</summary>
    public bool MaySee(int stationId) => IsAdmin || StationId == stationId;

    /// <summary>As the handoff desk sees them: an admin acts for every station.</summary>
    public DeskStaff Desk => new(Id, Name, IsAdmin ? null : StationId);

    /// <summary>Where they work, as the console's bar says it.</summary>
    public string Where => IsAdmin ? StationName is null ? "管理员" : $"管理员 · {StationName}" : StationName ?? "";
}

/// <summary>The claims a staff cookie carries, written at sign-in and read on every request.</summary>
public static class StaffIdentity
{
    public const string StationClaim = "pt:station";
    public const string StationNameClaim = "pt:station-name";
    public const string DisplayNameClaim = "pt:display-name";

    /// <summary>The account's <see cref="StaffMember.SessionStamp"/> at sign-in: a cookie from before a change is refused.</summary>
    public const string StampClaim = "pt:stamp";

    /// <summary>Present while the password is a one-time one: every page but the password page sends them there.</summary>
    public const string MustChangePasswordClaim = "pt:must-change-password";

    public const string StaffRoleName = "staff";
    public const string AdminRoleName = "admin";

    public static ClaimsPrincipal Principal(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, member.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, member.Account),
            new(ClaimTypes.Role, member.Role == StaffRole.Admin ? AdminRoleName : StaffRoleName),
            new(DisplayNameClaim, member.DisplayName),
            new(StampClaim, member.SessionStamp),
        ];
        if (member.StationId is { } station)
        {
            claims.Add(new(StationClaim, station.ToString(CultureInfo.InvariantCulture)));
            claims.Add(new(StationNameClaim, member.Station?.Name ?? ""));
        }

        if (member.MustChangePassword)
        {
            claims.Add(new(MustChangePasswordClaim, "1"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static StaffUser Of(ClaimsPrincipal? user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var n) ? n : 0;
        int? station = int.TryParse(user.FindFirstValue(StationClaim), CultureInfo.InvariantCulture, out var s) ? s : null;
        return new StaffUser(
            id,
            user.Identity?.Name ?? "",
            user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "工作人员",
            user.IsInRole(AdminRoleName),
            station,
            user.FindFirstValue(StationNameClaim),
            user.HasClaim(c => c.Type == MustChangePasswordClaim));
    }
}
