namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>
/// The values of the sample code WeChat ships with its safe-mode documentation (消息加解密说明: Sample.py for
/// decrypting, WXBizMsgCryptTest.java for encrypting), which wechat-crypto reproduces too: fixed points that no
/// implementation of ours can drift from unnoticed.
/// </summary>
internal static class WeChatSamples
{
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    public const string Token = "spamtest";
    public const string AppId = "wx2c2769f8efd9abc2";
    public const string TimeStamp = "1409735669";
    public const string Nonce = "1320562132";
    public const string MsgSignature = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";

    public const string Encrypt =
        "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9Fr" +
        "XpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+W" +
        "GzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIB" +
        "YYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";

    public const string Decrypted =
        "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n" +
        "<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n" +
        "<CreateTime>1409735668</CreateTime>\n" +
        "<MsgType><![CDATA[text]]></MsgType>\n" +
        "<Content><![CDATA[abcdteT]]></Content>\n" +
        "<MsgId>6054768590064713728</MsgId>\n" +
        "</xml>";

    /// <summary>The encryption sample's account; its random prefix is fixed so that the ciphertext is.</summary>
    public const string EncryptingAppId = "wxb11529c136998cb6";

    public const string EncryptingRandom = "aaaabbbbccccdddd";
    public const string EncryptingMessage = "我是中文abcd123";
    public const string Encrypted = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
}
