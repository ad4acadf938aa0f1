using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Channels.DirectLine;
using Pingtang.Bot.Complaints;
using Pingtang.Bot.Hosting;
using Pingtang.Bot.Staff;
using Pingtang.Bot.Tests.Channels.DirectLine;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Tests.Uploads;
using Pingtang.Domain;
using Pingtang.Domain.Complaints;
using Pingtang.Domain.Staff;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Tests.Hosting;

/// <summary>
/// Two instances on one PostgreSQL database, each with a data folder of its own, as behind a load balancer: what one
/// generated, protected, signed or stored, the other accepts and serves.
/// </summary>
public sealed class SharedInstanceDataTests : IDisposable
{
    private const string Password = "shared-test-password";
    private const int Dalang = 3;

    private readonly List<PingtangFactory> _instances = [];
    private string? _database;

    public void Dispose()
    {
        _instances.ForEach(instance => instance.Dispose());
        if (_database is not null)
        {
            TestPostgres.DropDatabase(_database);
        }
    }

    [PostgresFact]
    public async Task A_web_chat_token_from_one_instance_opens_its_conversation_on_the_other_without_a_configured_secret()
    {
        var (a, b) = await StartTwoAsync();

        using var issued = await a.CreateClient().PostAsync(new Uri(WebChatPage.TokenPath, UriKind.Relative), null);
        var token = (await issued.Content.ReadFromJsonAsync<TokenResponse>())!;
        var (status, _) = await new DirectLineKit(b.CreateClient()).SendAsync(HttpMethod.Post, "/v3/directline/conversations", token.Token);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [PostgresFact]
    public async Task Staff_signed_in_on_one_instance_are_signed_in_on_the_other_and_its_forms_take_the_first_ones_token()
    {
        var (a, b) = await StartTwoAsync();
        await StaffClient.EnsureAccountAsync(a, "dalang", Password, StaffRole.Staff, Dalang);
        var cookies = new System.Net.CookieContainer();
        using var onA = a.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var onB = b.CreateDefaultClient(new CookieContainerHandler(cookies));

        using var signedIn = await onA.SignInAsync("dalang", Password, StaffAccess.HomePath);
        using var home = await onB.GetAsync(new Uri(StaffAccess.HomePath, UriKind.Relative));
        var token = await onA.TokenAsync(StaffAccess.HomePath);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { [StaffClient.TokenField] = token });
        using var signedOut = await onB.PostAsync(new Uri(StaffAccess.LogoutPath, UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    [PostgresFact]
    public async Task An_ID_card_number_protected_on_one_instance_is_read_on_the_other()
    {
        var (a, b) = await StartTwoAsync();

        var kept = a.Services.GetRequiredService<IIdNumberProtector>().Protect("52272719900101123X");

        Assert.Equal("52272719900101123X", b.Services.GetRequiredService<IIdNumberProtector>().Unprotect(kept));
    }

    [PostgresFact]
    public async Task Instances_starting_together_on_an_empty_key_ring_make_one_key_between_them()
    {
        var (a, _) = await StartTwoAsync();

        await using var db = await a.Services.GetRequiredService<IDbContextFactory<BotDb>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Set<DataProtectionKeyRow>().CountAsync());
    }

    [PostgresFact]
    public async Task Evidence_a_worker_uploads_on_one_instance_opens_from_its_link_and_is_served_to_staff_by_the_other()
    {
        var (a, b) = await StartTwoAsync(new() { ["DirectLine:Secret"] = DirectLineKit.Secret });
        var worker = new DirectLineKit(a.CreateClient());
        var started = await worker.StartAsync();
        var photo = new DirectLineKit.UploadPart("欠条.png", "image/png", SampleFiles.Png);

        var (uploaded, _) = await worker.UploadAsync(started, DirectLineKit.Upload("老板写的欠条", photo), [photo]);
        var (activities, _) = await worker.GetAsync(started);
        var link = activities.Single(x => DirectLineKit.Role(x) == "user").GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!;
        var complaint = await FileAsync(a, new EvidenceDraft("欠条.png", "image/png", link));
        using var staff = await StaffClient.SignInAsAsync(b, "dalang", Password, StaffRole.Staff, Dalang);
        using var opened = await b.CreateClient().GetAsync(new Uri(link));
        using var served = await staff.GetAsync(ComplaintCaseEndpoints.EvidenceOf(complaint.Id, complaint.Evidence.Single().Id));

        Assert.Equal(HttpStatusCode.OK, uploaded);
        Assert.Equal(SampleFiles.Png, await opened.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(SampleFiles.Png, await served.Content.ReadAsByteArrayAsync());
        // Nothing of it stays in either instance's own folder: it is in the database alone.
        Assert.All(_instances, i => Assert.Empty(Directory.EnumerateFiles(i.DataFolder, "*", SearchOption.AllDirectories)));
    }

    /// <summary>Two hosts with data folders of their own on one fresh database, started at the same moment.</summary>
    private async Task<(PingtangFactory A, PingtangFactory B)> StartTwoAsync(Dictionary<string, string?>? settings = null)
    {
        _database = TestPostgres.DatabaseOf(Path.Combine(Path.GetTempPath(), "pingtang-tests", Guid.NewGuid().ToString("N")));
        var all = new Dictionary<string, string?>(settings ?? []) { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Pingtang"] = _database };
        _instances.AddRange([new PingtangFactory(all), new PingtangFactory(all)]);
        await Task.WhenAll(_instances.Select(instance => Task.Run(() => instance.Services)));
        return (_instances[0], _instances[1]);
    }

    private static async Task<Complaint> FileAsync(PingtangFactory instance, EvidenceDraft evidence)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var worker = await services.GetRequiredService<WorkerRegistry>().RegisterAsync(default);
        var draft = new ComplaintDraft
        {
            Category = ComplaintCategory.WageArrears,
            EmployerName = "东莞大朗宏达制衣有限公司",
            WorkPlace = "东莞大朗",
            Narrative = "老板拖了三个月工资。",
            ContactPhone = "13812345678",
            Evidence = [evidence],
        };
        var filed = await services.GetRequiredService<ComplaintFiling>().FileAsync(worker.Id, draft, default);
        return await services.GetRequiredService<PingtangDb>().Complaints.Include(c => c.Evidence).AsNoTracking().SingleAsync(c => c.Id == filed.Id);
    }
}
