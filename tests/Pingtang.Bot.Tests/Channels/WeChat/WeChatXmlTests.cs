using System.Xml.Linq;
using Pingtang.Bot.Channels.WeChat;

namespace Pingtang.Bot.Tests.Channels.WeChat;

/// <summary>Pushes as WeChat's documentation shows them (接收普通消息, 接收事件推送), and bodies no push would be.</summary>
public sealed class WeChatXmlTests
{
    private const string Head = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName><CreateTime>1348831860</CreateTime>";

    [Fact]
    public void A_text_message_is_read()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[我想找工作]]></Content><MsgId>1234567890123456</MsgId></xml>");

        Assert.Equal(new WeChatMessage
        {
            ToUserName = "gh_10f6c3c3ac5a",
            FromUserName = "oyORnuP8q7ou2gfYjqLzSIWZf0rs",
            CreateTime = 1348831860,
            MsgType = "text",
            Content = "我想找工作",
            MsgId = 1234567890123456,
        }, message);
    }

    [Fact]
    public void A_text_message_from_an_article_has_its_data_id_and_index()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[好]]></Content><MsgId>1</MsgId><MsgDataId>2247483650</MsgDataId><Idx>1</Idx></xml>");

        Assert.Equal(("2247483650", "1"), (message.MsgDataId, message.Idx));
    }

    [Fact]
    public void A_64_bit_message_id_is_read_whole()
    {
        Assert.Equal(6054768590064713728, WeChatXml.Parse(Head + "<MsgType>text</MsgType><MsgId>6054768590064713728</MsgId></xml>").MsgId);
    }

    [Fact]
    public void An_image_message_is_read()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/abc]]></PicUrl><MediaId><![CDATA[media_id]]></MediaId><MsgId>1234567890123456</MsgId></xml>");

        Assert.Equal(("image", "http://mmbiz.qpic.cn/abc", "media_id"), (message.MsgType, message.PicUrl, message.MediaId));
    }

    [Fact]
    public void A_voice_message_without_recognition_has_none()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media_id]]></MediaId><Format><![CDATA[amr]]></Format><MsgId>1234567890123456</MsgId></xml>");

        Assert.Equal(("voice", "media_id", "amr"), (message.MsgType, message.MediaId, message.Format));
        Assert.Null(message.Recognition);
    }

    [Fact]
    public void A_voice_message_with_recognition_has_its_text()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media_id]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[我要报名返岗专车]]></Recognition><MsgId>1234567890123456</MsgId></xml>");

        Assert.Equal("我要报名返岗专车", message.Recognition);
    }

    [Fact]
    public void A_voice_message_with_empty_recognition_reads_it_as_empty()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[voice]]></MsgType><Recognition><![CDATA[]]></Recognition></xml>");

        Assert.Equal("", message.Recognition);
    }

    [Fact]
    public void A_video_message_has_its_thumbnail()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[shortvideo]]></MsgType><MediaId><![CDATA[media_id]]></MediaId><ThumbMediaId><![CDATA[thumb_media_id]]></ThumbMediaId><MsgId>1</MsgId></xml>");

        Assert.Equal("thumb_media_id", message.ThumbMediaId);
    }

    [Fact]
    public void A_location_message_is_read_with_invariant_numbers()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[location]]></MsgType><Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[广州市白云区]]></Label><MsgId>1234567890123456</MsgId></xml>");

        Assert.Equal((23.134521, 113.358803, "20", "广州市白云区"), (message.LocationX, message.LocationY, message.Scale, message.Label));
    }

    [Fact]
    public void A_link_message_is_read()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[link]]></MsgType><Title><![CDATA[公众平台官网链接]]></Title><Description><![CDATA[公众平台官网链接]]></Description><Url><![CDATA[https://mp.weixin.qq.com]]></Url><MsgId>1234567890123456</MsgId></xml>");

        Assert.Equal(("link", "公众平台官网链接", "公众平台官网链接", "https://mp.weixin.qq.com"), (message.MsgType, message.Title, message.Description, message.Url));
    }

    [Fact]
    public void A_subscribe_by_QR_code_has_its_scene_and_ticket()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw==]]></Ticket></xml>");

        Assert.Equal(("event", "subscribe", "qrscene_123123"), (message.MsgType, message.Event, message.EventKey));
        Assert.StartsWith("gQH47joAAAAAAAAAASxodHRw", message.Ticket, StringComparison.Ordinal);
        Assert.Null(message.MsgId);
    }

    [Fact]
    public void An_unsubscribe_is_read()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[unsubscribe]]></Event><EventKey><![CDATA[]]></EventKey></xml>");

        Assert.Equal(("event", "unsubscribe", ""), (message.MsgType, message.Event, message.EventKey));
    }

    [Fact]
    public void A_menu_click_has_its_key()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[MENU_JOBS]]></EventKey></xml>");

        Assert.Equal(("CLICK", "MENU_JOBS"), (message.Event, message.EventKey));
    }

    [Fact]
    public void A_menu_view_has_its_address_and_menu()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[VIEW]]></Event><EventKey><![CDATA[https://example.cn/jobs]]></EventKey><MenuId>208379533</MenuId></xml>");

        Assert.Equal(("VIEW", "https://example.cn/jobs", "208379533"), (message.Event, message.EventKey, message.MenuId));
    }

    [Fact]
    public void A_location_event_keeps_its_figures_as_written()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision></xml>");

        Assert.Equal(("23.137466", "113.352425", "119.385040"), (message.Latitude, message.Longitude, message.Precision));
    }

    [Fact]
    public void A_safe_mode_envelope_has_only_its_account_and_ciphertext()
    {
        var message = WeChatXml.Parse($"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[{WeChatSamples.Encrypt}]]></Encrypt></xml>");

        Assert.Equal(new WeChatMessage { ToUserName = "gh_10f6c3c3ac5a", Encrypt = WeChatSamples.Encrypt }, message);
    }

    [Fact]
    public void WeChats_decrypted_sample_is_read_across_its_line_breaks()
    {
        var message = WeChatXml.Parse(WeChatSamples.Decrypted);

        Assert.Equal(("gh_10f6c3c3ac5a", "abcdteT", 1409735668L, 6054768590064713728L), (message.ToUserName, message.Content, message.CreateTime, message.MsgId));
    }

    [Fact]
    public void Elements_it_does_not_know_are_ignored_even_with_children()
    {
        var message = WeChatXml.Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[scancode_waitmsg]]></Event><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA[1]]></ScanResult></ScanCodeInfo><Unheard>x</Unheard></xml>");

        Assert.Equal("scancode_waitmsg", message.Event);
    }

    [Fact]
    public void An_empty_envelope_has_nothing_and_an_empty_number_is_absent()
    {
        Assert.Equal(new WeChatMessage(), WeChatXml.Parse("<xml/>"));
        Assert.Null(WeChatXml.Parse("<xml><CreateTime></CreateTime><Location_X/></xml>").CreateTime);
    }

    [Theory]
    [InlineData("<CreateTime>12a</CreateTime>")]
    [InlineData("<CreateTime>1.5</CreateTime>")]
    [InlineData("<MsgId>99999999999999999999</MsgId>")]
    [InlineData("<Location_X>23,134521</Location_X>")]
    [InlineData("<Location_X>北纬23</Location_X>")]
    [InlineData("<Location_Y>NaN</Location_Y>")]
    [InlineData("<Location_Y>Infinity</Location_Y>")]
    public void A_number_that_is_not_one_is_refused(string element)
    {
        var refused = Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse("<xml>" + element + "</xml>"));

        Assert.Contains("not a number", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DTD_with_an_entity_that_expands_a_billion_times_is_refused()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <xml><Content>&lol9;</Content></xml>
            """;

        var refused = Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(laughs));

        Assert.Contains("DTD", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_entity_is_refused_and_no_file_is_read()
    {
        const string external = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <xml><Content>&x;</Content></xml>
            """;

        var refused = Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(external));

        Assert.DoesNotContain("root:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_used_without_any_DTD_is_refused()
    {
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse("<xml><Content>&x;</Content></xml>"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("success")]
    [InlineData("{\"ToUserName\":\"gh_1\"}")]
    [InlineData("<xml><Content>未闭合</xml>")]
    [InlineData("<xml><Content><![CDATA[x]]></Content>")]
    [InlineData("<xml></xml><xml></xml>")]
    [InlineData("<xml><Content>\u0001</Content></xml>")]
    public void Malformed_XML_is_refused(string xml)
    {
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(xml));
    }

    [Theory]
    [InlineData("<Xml/>")]
    [InlineData("<root><Content>x</Content></root>")]
    [InlineData("<w:xml xmlns:w=\"urn:wechat\"/>")]
    public void A_root_other_than_xml_is_refused(string xml)
    {
        var refused = Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(xml));

        Assert.Contains("root", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_longer_than_the_limit_is_refused_even_when_its_characters_fit()
    {
        var fits = "<xml><Content>" + new string('a', WeChatXml.MaxBytes - 30) + "</Content></xml>";
        var tooManyBytes = "<xml><Content>" + new string('工', WeChatXml.MaxBytes / 3) + "</Content></xml>";

        Assert.Equal(WeChatXml.MaxBytes, fits.Length);
        Assert.NotNull(WeChatXml.Parse(fits).Content);
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(fits + " "));
        Assert.True(tooManyBytes.Length < WeChatXml.MaxBytes);
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(tooManyBytes));
    }

    [Fact]
    public void Random_bodies_give_a_message_or_a_WeChatXmlException_and_nothing_else()
    {
        var random = new Random(20261203);
        string[] pieces = ["<xml>", "</xml>", "<Content>", "</Content>", "<![CDATA[", "]]>", "<MsgId>", "</MsgId>", "12", "&", "&amp;", "<!DOCTYPE xml>", "<", ">", "工", "\"", "<?xml version=\"1.0\"?>", "/>"];
        for (var i = 0; i < 2000; i++)
        {
            var xml = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));

            var thrown = Record.Exception(() => WeChatXml.Parse(xml));

            Assert.True(thrown is null or WeChatXmlException, $"{xml}: {thrown}");
        }
    }

    [Fact]
    public void A_text_reply_is_WeChats_passive_reply_XML()
    {
        Assert.Equal(
            "<xml><ToUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></ToUserName><FromUserName><![CDATA[gh_10f6c3c3ac5a]]></FromUserName><CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>",
            WeChatXml.TextReply("oyORnuP8q7ou2gfYjqLzSIWZf0rs", "gh_10f6c3c3ac5a", 1409735668, "你好"));
    }

    [Theory]
    [InlineData("回复 ]]> 也不会断")]
    [InlineData("]]>")]
    [InlineData("a]]]]>>b]]")]
    [InlineData("<Content>伪造</Content> & &amp; < >")]
    [InlineData("1. 岗位查询\n2. 培训报名\n\n回复数字 😀")]
    public void A_text_reply_reads_back_as_written(string content)
    {
        var reply = WeChatXml.Parse(WeChatXml.TextReply("o]]></ToUserName><x>", "gh_1", 1409735668, content));

        Assert.Equal(("o]]></ToUserName><x>", "gh_1", 1409735668L, "text", content), (reply.ToUserName, reply.FromUserName, reply.CreateTime, reply.MsgType, reply.Content));
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_dropped_from_a_reply()
    {
        var reply = WeChatXml.TextReply("o", "gh_1", 1, "工\u0001资\uFFFF\uD800条\u0008 😀\t\n");

        Assert.Equal("工资条 😀\t\n", WeChatXml.Parse(reply).Content);
    }

    [Fact]
    public void An_encrypted_reply_is_WeChats_envelope_and_reads_back()
    {
        var reply = WeChatXml.EncryptedReply(WeChatSamples.Encrypt, WeChatSamples.MsgSignature, WeChatSamples.TimeStamp, WeChatSamples.Nonce);

        Assert.Equal(
            $"<xml><Encrypt><![CDATA[{WeChatSamples.Encrypt}]]></Encrypt><MsgSignature><![CDATA[{WeChatSamples.MsgSignature}]]></MsgSignature><TimeStamp>{WeChatSamples.TimeStamp}</TimeStamp><Nonce><![CDATA[{WeChatSamples.Nonce}]]></Nonce></xml>",
            reply);
        Assert.Equal(WeChatSamples.Encrypt, WeChatXml.Parse(reply).Encrypt);
        var root = XElement.Parse(reply);
        Assert.Equal(
            (WeChatSamples.MsgSignature, WeChatSamples.TimeStamp, WeChatSamples.Nonce),
            (root.Element("MsgSignature")!.Value, root.Element("TimeStamp")!.Value, root.Element("Nonce")!.Value));
    }

    [Fact]
    public void An_encrypted_reply_escapes_what_it_is_given()
    {
        var root = XElement.Parse(WeChatXml.EncryptedReply("a]]>b", "s", "1<2&3", "n]]>"));

        Assert.Equal(("a]]>b", "1<2&3", "n]]>"), (root.Element("Encrypt")!.Value, root.Element("TimeStamp")!.Value, root.Element("Nonce")!.Value));
    }
}
