namespace Pingtang.Bot.Menu;

/// <summary>What the bot says at the menu and for the global words. Reviewed together.</summary>
public static class MenuTexts
{
    public const string Welcome = "您好！我是平塘就业助手，帮您找工作、报培训、维护权益、报名返岗专车。";

    public const string Choose = "请回复数字选择：";

    public const string AnythingElse = "还需要办什么？请回复数字选择：";

    public const string Idle = "好久没聊了，我们从主菜单重新开始。";

    public const string Restarted = "系统刚刚更新过，我们从主菜单重新开始。";

    public const string Cancelled = "好的，已取消。";

    public const string ComingSoon = "「{0}」功能正在建设中，很快上线，请过几天再来看看。";

    public const string Help =
        "随时可以发送这些词：\n" +
        "「菜单」回到主菜单\n" +
        "「取消」放弃正在办的事\n" +
        "「人工」联系工作人员\n" +
        "「退订」不再接收提醒\n" +
        "「订阅」重新接收提醒\n" +
        "「帮助」看这段说明";

    public const string Unsubscribed = "已为您退订所有通知。您报名的培训、返岗专车的提醒照常发送。想再接收时，回复「订阅」。";

    /// <summary>At the main menu, turns notices back on after 退订.</summary>
    public const string SubscribeWord = "订阅";

    public const string Subscribed = "已为您打开通知：新岗位、返岗专车等消息会发给您。不想接收时，回复「退订」。";
}
