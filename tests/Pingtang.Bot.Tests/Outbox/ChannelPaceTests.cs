using Pingtang.Bot.Outbox;

namespace Pingtang.Bot.Tests.Outbox;

/// <summary>The pace of one channel, as a function of the clock the test sets.</summary>
public sealed class ChannelPaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan NoWait = TimeSpan.Zero;

    [Fact]
    public void At_two_a_second_each_message_gets_the_next_half_second()
    {
        var pace = new ChannelPace(2);

        var slots = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(pace.TryReserve(Now, TimeSpan.FromSeconds(5), out var slot));
            slots.Add(slot - Now);
        }

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)], slots);
    }

    [Fact]
    public void A_message_whose_turn_is_further_than_the_wait_is_put_off_without_taking_the_turn()
    {
        var pace = new ChannelPace(1);
        Assert.True(pace.TryReserve(Now, NoWait, out _));

        Assert.False(pace.TryReserve(Now, NoWait, out var refused));
        Assert.True(pace.TryReserve(Now.AddSeconds(1), NoWait, out var next));

        Assert.Equal((Now.AddSeconds(1), Now.AddSeconds(1)), (refused, next));
    }

    [Fact]
    public void Unpaced_every_message_goes_at_once()
    {
        var pace = new ChannelPace(0);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(pace.TryReserve(Now, NoWait, out DateTimeOffset _)));
    }

    [Fact]
    public void Too_fast_halves_the_rate_holds_the_channel_for_its_retry_after_and_sending_brings_the_rate_back_gradually()
    {
        var pace = new ChannelPace(10);

        var until = pace.TooFast(Now, TimeSpan.FromSeconds(30));

        Assert.Equal((5.0, Now.AddSeconds(30)), (pace.Rate, until));
        Assert.False(pace.TryReserve(Now.AddSeconds(29), NoWait, out _));
        Assert.True(pace.TryReserve(Now.AddSeconds(30), NoWait, out _));
        pace.Sent();
        Assert.Equal(5.5, pace.Rate, precision: 6);
        for (var i = 0; i < 100; i++)
        {
            pace.Sent();
        }

        Assert.Equal(10, pace.Rate);
    }

    [Fact]
    public void Halving_stops_at_the_floor_and_an_unpaced_channel_is_only_held_for_the_retry_after()
    {
        var paced = new ChannelPace(1);
        for (var i = 0; i < 10; i++)
        {
            paced.TooFast(Now, null);
        }

        var unpaced = new ChannelPace(0);
        var until = unpaced.TooFast(Now, null);

        Assert.Equal(ChannelPace.Floor, paced.Rate);
        Assert.Equal((0.0, Now + ChannelPace.DefaultPause), (unpaced.Rate, until));
        Assert.False(unpaced.TryReserve(Now, NoWait, out _));
        Assert.True(unpaced.TryReserve(until, NoWait, out _));
    }
}
