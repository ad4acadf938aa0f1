using Pingtang.Domain.Handoffs;

namespace Pingtang.Domain.Tests.Handoffs;

public sealed class CannedRepliesTests : IAsyncLifetime
{
    private static readonly DeskStaff Baiyun = new(7, "王芳", StationId: 2);
    private static readonly DeskStaff Admin = new(1, "管理员", StationId: null);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_station_s_replies_are_listed_in_the_order_written_with_what_they_are_picked_by_and_sent_as()
    {
        await using var db = _database.Open();
        var replies = new CannedReplies(db, _database.Clock);
        await replies.AddAsync(Baiyun, 2, " 要欠条\u200b ", "请把欠条\u202e拍照发给我。\t谢谢", default);
        await replies.AddAsync(Baiyun, 2, "问地址", "请告诉我工厂的地址。", default);
        await replies.AddAsync(Admin, 3, "大朗", "您好，这里是大朗站。", default);

        var listed = await replies.ForStationAsync(2, default);

        Assert.Equal(["要欠条", "问地址"], listed.Select(r => r.Title));
        Assert.Equal("请把欠条拍照发给我。 谢谢", listed[0].Text);
    }

    [Fact]
    public async Task Staff_keep_only_their_own_station_s_replies_and_an_admin_any()
    {
        await using var db = _database.Open();
        var replies = new CannedReplies(db, _database.Clock);
        var dalang = (await replies.AddAsync(Admin, 3, "大朗", "您好，这里是大朗站。", default))!;

        Assert.Null(await replies.AddAsync(Baiyun, 3, "塞进去", "塞进去", default));
        Assert.Null(await replies.AddAsync(Admin, 99, "没有这个站", "没有这个站", default));
        Assert.Null(await replies.EditAsync(Baiyun, dalang.Id, "改了", "改了", default));
        Assert.Null(await replies.DeleteAsync(Baiyun, dalang.Id, default));
        Assert.Equal("大朗", Assert.Single(await replies.ForStationAsync(3, default)).Title);
        Assert.NotNull(await replies.EditAsync(Admin, dalang.Id, "大朗问候", "您好。", default));
        Assert.NotNull(await replies.DeleteAsync(Admin, dalang.Id, default));
        Assert.Empty(await replies.ForStationAsync(3, default));
    }

    [Theory]
    [InlineData("", "内容")]
    [InlineData("标题", "  ")]
    [InlineData("标题一二三四五六七八九十一二三四五六七八九", "内容")]
    public async Task A_reply_needs_a_short_title_and_a_text(string title, string text)
    {
        await using var db = _database.Open();

        await Assert.ThrowsAsync<DomainException>(() => new CannedReplies(db, _database.Clock).AddAsync(Baiyun, 2, title, text, default));
    }

    [Fact]
    public void A_text_longer_than_a_chat_line_is_refused()
    {
        var reply = CannedReply.Write(2, "标题", "短", "王芳", TestDatabase.DefaultNow);

        Assert.Throws<DomainException>(() => reply.Edit("标题", new string('长', ChatMessage.TextMaxLength + 1), TestDatabase.DefaultNow));
        Assert.Equal("短", reply.Text);
    }
}
