using System.Text.RegularExpressions;
using Pingtang.Domain.Complaints;

namespace Pingtang.Bot.Complaints;

/// <summary>A message at the menu that speaks of a rights problem, and which one when it says.</summary>
/// <param name="Category">Null when the message speaks of a complaint (维权, 投诉) without saying of what.</param>
public sealed partial record ComplaintMention(ComplaintCategory? Category)
{
    // What workers say when wages are owed: 欠薪, 拖欠工资, 欠了我一万, 不发工资, 工资不给, 老板跑了, 讨薪…
    [GeneratedRegex("欠薪|拖欠|讨薪|追薪|欠(?:了)?(?:我|我们)?(?:的)?(?:工资|工钱|钱|[0-9一二两三四五六七八九十百千万.]+(?:块|元)?)|(?:不|没|不肯|没有)(?:发|给|结|付)(?:我|我们)?(?:的)?(?:工资|工钱|钱)|(?:工资|工钱|血汗钱)(?:一直|还|都|也)?(?:不|没|没有|拿不到|要不到|不肯)(?:发|给|结|付|到)?|(?:拿|要|讨)不(?:到|回)(?:工资|工钱|钱)|克扣|扣(?:我|我们)?(?:的)?工资|(?:老板|包工头|工头|厂长|老板娘)(?:人)?(?:跑了|跑路|失联|联系不上|不见了|找不到)")]
    private static partial Regex WagesPattern();

    // An injury at work: 工伤, 受伤, 摔伤, 砸伤, 手指断了, 骨折…
    [GeneratedRegex("工伤|[受摔砸压烫烧割扭撞夹碰轧刺砍弄挤绞]伤|伤(?:到|了|着)|骨折|截肢|断了|出(?:了)?事故|职业病|尘肺")]
    private static partial Regex InjuryPattern();

    [GeneratedRegex("(?:不|没|没有|不肯|不给)(?:签|给)(?:劳动)?合同|劳动合同|(?:被|无故|随便)?(?:辞退|开除|炒鱿鱼)")]
    private static partial Regex ContractPattern();

    [GeneratedRegex("(?:不|没|没有|不肯|不给|停|断)(?:了)?(?:交|缴|买|办)?(?:了)?(?:社保|五险|养老保险|医疗保险|工伤保险)|(?:社保|五险|保险)(?:一直|也|都|还)?(?:不|没|没有|不肯|不给)(?:交|缴|买|办)")]
    private static partial Regex InsurancePattern();

    [GeneratedRegex("维权|投诉|举报|仲裁|劳动监察|告(?:老板|公司)")]
    private static partial Regex GeneralPattern();

    // What a job search asks for is not a complaint: 不拖欠工资的厂, 有社保, 找个不会受伤的活. Amounts (月薪, 以上)
    // are not a job search's mark: 「欠了我一万以上」「月薪三个月没发」 are complaints.
    [GeneratedRegex("找工作|找活|找份|找个|招聘|招工|岗位|求职|应聘|包吃|包住|工资高|(?:不|从不|从来不|没有)(?:会)?(?:拖欠|欠薪|克扣|受伤)")]
    private static partial Regex JobSearchPattern();

    /// <summary>What <paramref name="normalizedText"/> complains of, or null when it is not about a rights problem.</summary>
    public static ComplaintMention? Read(string normalizedText)
    {
        if (string.IsNullOrWhiteSpace(normalizedText) || JobSearchPattern().IsMatch(normalizedText))
        {
            return null;
        }

        // Injury first: a worker hurt and unpaid needs the injury's clock most.
        ComplaintCategory? category =
            InjuryPattern().IsMatch(normalizedText) ? ComplaintCategory.WorkInjury
            : WagesPattern().IsMatch(normalizedText) ? ComplaintCategory.WageArrears
            : InsurancePattern().IsMatch(normalizedText) ? ComplaintCategory.SocialInsurance
            : ContractPattern().IsMatch(normalizedText) ? ComplaintCategory.LabourContract
            : null;
        return category is not null || GeneralPattern().IsMatch(normalizedText) ? new ComplaintMention(category) : null;
    }
}
