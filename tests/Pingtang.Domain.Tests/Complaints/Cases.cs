using Pingtang.Domain.Complaints;
using Pingtang.Domain.Workers;

namespace Pingtang.Domain.Tests.Complaints;

/// <summary>A typical case, and filing one, for the tests that need a case on file.</summary>
internal static class Cases
{
    /// <summary>One worker's wages owed by a Dalang garment factory: the Dongguan Dalang station's, not urgent.</summary>
    public static ComplaintDraft Arrears { get; } = new()
    {
        Category = ComplaintCategory.WageArrears,
        EmployerName = "东莞大朗宏达制衣有限公司",
        WorkPlace = "东莞大朗",
        Narrative = "老板拖了三个月工资。",
        ContactPhone = "13812345678",
    };

    /// <summary>Files <paramref name="draft"/> for <paramref name="workerId"/>, or for a newly registered worker.</summary>
    public static async Task<Complaint> FileAsync(this TestDatabase database, ComplaintDraft draft, int? workerId = null)
    {
        await using var db = database.Open();
        var worker = workerId ?? (await new WorkerRegistry(db, database.Clock).RegisterAsync(default)).Id;
        return await new ComplaintFiling(db, database.Clock).FileAsync(worker, draft, default);
    }
}
