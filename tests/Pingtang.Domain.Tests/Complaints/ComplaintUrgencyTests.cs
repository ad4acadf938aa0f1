using Pingtang.Domain.Complaints;

namespace Pingtang.Domain.Tests.Complaints;

public sealed class ComplaintUrgencyTests
{
    [Fact]
    public void A_plain_complaint_about_one_workers_wages_is_not_urgent()
    {
        Assert.Empty(ComplaintUrgency.Reasons(new(ComplaintCategory.WageArrears, 1, "老板拖了三个月工资，一共一万二。", 1)));
    }

    [Fact]
    public void Every_work_injury_is_urgent()
    {
        Assert.Equal([UrgencyReason.WorkInjury], ComplaintUrgency.Reasons(new(ComplaintCategory.WorkInjury, null, "手被机器压伤了", 1)));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(40, true)]
    public void Arrears_of_ten_workers_or_more_are_collective(int workers, bool urgent)
    {
        var reasons = ComplaintUrgency.Reasons(new(ComplaintCategory.WageArrears, workers, "整个班组都没发工资", 1));

        Assert.Equal(urgent, reasons.Contains(UrgencyReason.CollectiveArrears));
    }

    [Fact]
    public void Ten_workers_in_a_contract_complaint_are_not_collective_arrears()
    {
        Assert.DoesNotContain(UrgencyReason.CollectiveArrears, ComplaintUrgency.Reasons(new(ComplaintCategory.LabourContract, 10, "不签合同", 1)));
    }

    [Theory]
    [InlineData("去要工资，老板叫人打我")]
    [InlineData("他们威胁说再来就不客气")]
    [InlineData("工头把我们关起来不让走")]
    [InlineData("实在活不下去了")]
    [InlineData("被\u200B打了")]
    public void Words_of_violence_or_danger_make_any_complaint_urgent(string narrative)
    {
        Assert.Contains(UrgencyReason.Danger, ComplaintUrgency.Reasons(new(ComplaintCategory.Other, null, narrative, 1)));
    }

    [Theory]
    [InlineData("在刀具厂做了半年，社保一直没交")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_words_are_not_read_as_danger(string? narrative)
    {
        Assert.False(ComplaintUrgency.SpeaksOfDanger(narrative));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Three_workers_naming_one_employer_warn_of_collective_arrears(int workers, bool urgent)
    {
        var reasons = ComplaintUrgency.Reasons(new(ComplaintCategory.WageArrears, 1, "欠两个月工资", workers));

        Assert.Equal(urgent, reasons.Contains(UrgencyReason.SameEmployer));
    }
}
