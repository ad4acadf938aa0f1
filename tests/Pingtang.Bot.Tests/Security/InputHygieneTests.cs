using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Pingtang.Bot.Jobs;
using Pingtang.Bot.Menu;
using Pingtang.Bot.Profile;
using Pingtang.Bot.Tests.Jobs;
using Pingtang.Bot.Tests.Profile;
using Pingtang.Bot.Tests.Support;
using Pingtang.Bot.Training;
using Pingtang.Domain;
using Pingtang.Domain.Jobs;
using Pingtang.Domain.Tests.Jobs;
using Pingtang.Domain.Tests.Training;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Tests.Security;

/// <summary>
/// What the outside test typed — NUL, ESC, a right-to-left override, noncharacters — tried against the real host:
/// it is stored without them.
/// </summary>
public sealed class InputHygieneTests : IDisposable
{
    private readonly PingtangFactory _factory = new(SignedInStaff.Settings(), new FakeTimeProvider(TestClock.Now));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_worker_who_types_control_and_bidi_characters_gets_a_clean_name_and_city()
    {
        await Conversation.Start(_factory).AtNameQuestion()
            .Send("\u202E王\0师\u001B傅\uFFFF").Expect(ProfileTexts.AskMobile)
            .Send("13812345678").Expect(ProfileTexts.AskBirthYear)
            .Send("1985").Expect(ProfileTexts.AskTownship)
            .Send("1").Expect(ProfileTexts.AskCity)
            .Send("东\u200B莞\u2066\uFDD0").Expect(ProfileTexts.AskTrades)
            .Send("家政").Expect(ProfileTexts.AskReminders)
            .Send("不要").Expect("称呼：王师傅", "现在所在城市：东莞").Expect(ProfileTexts.Confirm)
            .Send("是").Expect(ProfileTexts.Saved).Expect(MenuTexts.AnythingElse)
            .StartTestAsync();

        await using var scope = _factory.Services.CreateAsyncScope();
        var worker = await scope.ServiceProvider.GetRequiredService<PingtangDb>().Workers.SingleAsync();
        Assert.Equal(("王师傅", "东莞"), (worker.Name, worker.CurrentCity));
    }

    [Fact]
    public async Task A_staff_session_form_with_a_bidi_override_stores_the_session_clean()
    {
        using var staff = await SignedInStaff.SignInAsync(_factory);

        // No NUL here: ASP.NET's form reader refuses one before the page sees the form.
        using var response = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/new", new Dictionary<string, string>
        {
            ["course"] = "2", ["place"] = "平塘县\u202E地基训实共公", ["startsOn"] = "2026-12-10", ["endsOn"] = "2026-12-24",
            ["enrolBy"] = "2026-12-08", ["seats"] = "20", ["fee"] = "免费\uFFFF", ["bring"] = "身份证\u001B[2J",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        var session = await scope.ServiceProvider.GetRequiredService<PingtangDb>().TrainingSessions.SingleAsync();
        Assert.Equal(("平塘县地基训实共公", "免费", "身份证[2J"), (session.Place, session.Fee, session.Bring));
    }

    [Fact]
    public async Task A_job_sheet_with_a_bidi_override_stores_its_postings_clean()
    {
        using var staff = await SignedInStaff.SignInAsync(_factory);
        var draft = JobSheet.CellsOf(JobDrafts.Factory);
        draft[JobPostingDraft.Columns.Employer] = "\u202E司公限有子电某莞东";
        draft[JobPostingDraft.Columns.Title] = "电子厂\u200B普工\u001B";
        using var file = new MemoryStream();
        MiniExcel.SaveAs(file, new[] { draft });

        using var response = await staff.UploadAsync($"{JobStaffEndpoints.Path}/import", file.ToArray(), "jobs.xlsx");

        Assert.Contains("新增 1 条", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var posting = await scope.ServiceProvider.GetRequiredService<PingtangDb>().JobPostings.SingleAsync();
        Assert.Equal(("司公限有子电某莞东", "电子厂普工"), (posting.Employer, posting.Title));
    }

    [Theory]
    [InlineData("9999-12-31", "9999-12-31", "9999-12-30")]
    [InlineData("0001-01-01", "0001-01-02", "0001-01-01")]
    public async Task A_staff_session_form_dated_out_of_bounds_is_refused(string startsOn, string endsOn, string enrolBy)
    {
        using var staff = await SignedInStaff.SignInAsync(_factory);

        using var response = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/new", new Dictionary<string, string>
        {
            ["course"] = "2", ["place"] = "平塘县公共实训基地", ["startsOn"] = startsOn, ["endsOn"] = endsOn,
            ["enrolBy"] = enrolBy, ["seats"] = "20", ["fee"] = "免费", ["bring"] = "身份证",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{startsOn} 不在可填的范围内", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(db => db.TrainingSessions));
    }

    [Fact]
    public async Task A_staff_form_with_a_nul_is_refused_as_malformed_and_stores_nothing()
    {
        using var staff = await SignedInStaff.SignInAsync(_factory);

        using var response = await staff.PostFormAsync($"{TrainingStaffEndpoints.Path}/new", new Dictionary<string, string>
        {
            ["course"] = "2", ["place"] = "平塘\0实训基地", ["startsOn"] = "2026-12-10", ["endsOn"] = "2026-12-20",
            ["enrolBy"] = "2026-12-08", ["seats"] = "20", ["fee"] = "免费", ["bring"] = "身份证",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.TrainingSessions));
    }

    [Fact]
    public async Task Sheets_dated_9999_12_31_are_refused_row_by_row()
    {
        using var staff = await SignedInStaff.SignInAsync(_factory);
        var farOff = new DateOnly(9999, 12, 31);
        var session = new TrainingSessionRow("PT-9999", "焊工", TrainingData.Welding with { StartsOn = farOff, EndsOn = farOff, EnrolBy = farOff });
        using var sessions = new MemoryStream();
        MiniExcel.SaveAs(sessions, new[] { session.Cells() });
        using var postings = new MemoryStream();
        MiniExcel.SaveAs(postings, new[] { JobSheet.CellsOf(JobDrafts.Factory with { ClosesOn = farOff }) });

        using var sessionReport = await staff.UploadAsync($"{TrainingStaffEndpoints.Path}/import", sessions.ToArray(), "培训班.xlsx");
        using var postingReport = await staff.UploadAsync($"{JobStaffEndpoints.Path}/import", postings.ToArray(), "jobs.xlsx");

        Assert.All(
            [await sessionReport.Content.ReadAsStringAsync(), await postingReport.Content.ReadAsStringAsync()],
            report => Assert.Contains("9999-12-31 不在可填的范围内", report, StringComparison.Ordinal));
        Assert.Equal((0, 0), (await CountAsync(db => db.TrainingSessions), await CountAsync(db => db.JobPostings)));
    }

    private async Task<int> CountAsync<T>(Func<PingtangDb, IQueryable<T>> rows)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await rows(scope.ServiceProvider.GetRequiredService<PingtangDb>()).CountAsync();
    }
}
