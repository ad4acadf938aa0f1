using Pingtang.Domain;
using Pingtang.Domain.Staff;

namespace Pingtang.Bot.Staff;

/// <summary>
/// A service with no staff account yet makes one at its first start, <c>admin</c>, with a one-time password shown on
/// the console it was started from (not in the logs, which are kept and shipped): the person starting it signs in,
/// sets their own password and creates the others. <c>create-staff</c> does the same from the command line.
/// </summary>
internal sealed class FirstAdmin(IServiceScopeFactory scopes) : IHostedService
{
    public const string Account = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        if (await accounts.AnyAsync(cancellationToken))
        {
            return;
        }

        try
        {
            var (_, password) = await accounts.CreateAsync(Account, "管理员", StaffRole.Admin, null, cancellationToken);
            await Console.Out.WriteLineAsync(StaffCommands.Handover(Account, password));
        }
        catch (DomainException)
        {
            // Another instance starting at the same moment made it, and showed its password.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
