using Pingtang.Bot.Complaints;
using Pingtang.Bot.Dialogs.Recognizers;
using Pingtang.Domain.Complaints;

namespace Pingtang.Bot.Tests.Complaints;

public sealed class ComplaintMentionTests
{
    [Theory]
    [InlineData("老板欠了我一万以上", ComplaintCategory.WageArrears)]
    [InlineData("三个月以上没发工资", ComplaintCategory.WageArrears)]
    [InlineData("包工头跑了", ComplaintCategory.WageArrears)]
    [InlineData("干活的时候摔伤了腿", ComplaintCategory.WorkInjury)]
    [InlineData("厂里不给交社保", ComplaintCategory.SocialInsurance)]
    [InlineData("老板不签劳动合同", ComplaintCategory.LabourContract)]
    public void A_rights_problem_typed_at_the_menu_is_read_with_its_kind(string text, ComplaintCategory category) =>
        Assert.Equal(new ComplaintMention(category), ComplaintMention.Read(TextNormalizer.Normalize(text)));

    [Fact]
    public void A_complaint_that_does_not_say_what_about_is_still_one() =>
        Assert.Equal(new ComplaintMention(null), ComplaintMention.Read(TextNormalizer.Normalize("我要投诉")));

    [Theory]
    [InlineData("东莞 电工 6000以上")]
    [InlineData("找个不拖欠工资的厂")]
    [InlineData("找个不会受伤的活")]
    [InlineData("有社保的工作")]
    [InlineData("你好")]
    public void A_job_search_or_a_greeting_is_not_a_complaint(string text) =>
        Assert.Null(ComplaintMention.Read(TextNormalizer.Normalize(text)));
}
