namespace Pingtang.Bot.Staff;

/// <summary>Which station's records a console list shows a member: their station's, or every station's for an admin.</summary>
public static class StaffScope
{
    /// <summary>
    /// The station to list: null (every station) for an admin. Staff accounts always have a station; one without
    /// would see nothing, not everything.
    /// </summary>
    public static int? ListedStation(this StaffUser staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.IsAdmin ? null : staff.StationId ?? -1;
    }

    /// <summary>The station an audit line of a list is about: theirs, or none for an admin's view of every station.</summary>
    public static int? AuditedStation(this StaffUser staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.IsAdmin ? null : staff.StationId;
    }
}
