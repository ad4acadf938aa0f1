using Microsoft.EntityFrameworkCore;
using Pingtang.Bot.Hosting;
using Pingtang.Domain;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Staff;

/// <summary>
/// Accounts from the server's command line, for the first admin or one locked out of the console:
/// <c>create-staff ACCOUNT 姓名 --admin | --station 站点名</c> and <c>reset-staff-password ACCOUNT</c>. Each prints a
/// one-time password to be changed at the first sign-in; no password is ever typed on a command line.
/// </summary>
public static class StaffCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("create-staff", "create-staff ACCOUNT 姓名 --admin | --station 站点名   新建工作人员账号，打印一次性密码", args => args switch
        {
            [var account, var name, "--admin"] => (services, console, ct) => CreateAsync(account, name, StaffRole.Admin, null, services, console, ct),
            [var account, var name, "--station", var station] => (services, console, ct) => CreateAsync(account, name, StaffRole.Staff, station, services, console, ct),
            _ => null,
        }),
        new("reset-staff-password", "reset-staff-password ACCOUNT   给账号重设一次性密码（他的登录会被退出）", args =>
            args is [var account] && !account.StartsWith('-') ? (services, console, ct) => ResetAsync(account, services, console, ct) : null),
    ];

    public static string Handover(string account, string password) =>
        $"工作人员账号 {account} 的一次性密码：{password}\n请在 {StaffAccess.LoginPath} 登录，第一次登录后要换成自己的密码。这个密码只显示这一次。";

    private static async Task<int> CreateAsync(string account, string name, StaffRole role, string? stationName, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PingtangDb>();
        int? stationId = null;
        if (stationName is not null)
        {
            stationId = await db.Stations.Where(s => s.Name == stationName.Trim()).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
            if (stationId is null)
            {
                var names = await db.Stations.OrderBy(s => s.Id).Select(s => s.Name).ToListAsync(cancellationToken);
                await console.Error.WriteLineAsync($"没有这个站点。站点有：{string.Join("、", names)}");
                return CommandLine.Failed;
            }
        }

        try
        {
            var (member, password) = await Accounts(services).CreateAsync(account, name, role, stationId, cancellationToken);
            await console.Out.WriteLineAsync(Handover(member.Account, password));
            return 0;
        }
        catch (DomainException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return CommandLine.Failed;
        }
    }

    private static async Task<int> ResetAsync(string account, IServiceProvider services, CommandConsole console, CancellationToken cancellationToken)
    {
        var normalized = StaffMember.NormalizeAccount(account);
        var member = await services.GetRequiredService<PingtangDb>().StaffMembers.SingleOrDefaultAsync(s => s.Account == normalized, cancellationToken);
        if (member is null)
        {
            await console.Error.WriteLineAsync("没有这个账号。");
            return CommandLine.Failed;
        }

        await console.Out.WriteLineAsync(Handover(member.Account, await Accounts(services).ResetPasswordAsync(member, cancellationToken)));
        return 0;
    }

    // The command line's container has only the data services, not the web host's.
    private static StaffAccounts Accounts(IServiceProvider services) =>
        new(services.GetRequiredService<PingtangDb>(), services.GetRequiredService<TimeProvider>());
}
