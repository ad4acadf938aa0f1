namespace Pingtang.Domain.ReturnTrips;

/// <summary>How a return trip travels. A train needs each traveller's ID-card number: its tickets are real-name.</summary>
public enum TripMode
{
    /// <summary>返岗专车: a chartered bus, point to point.</summary>
    Bus,

    /// <summary>专列: a special train.</summary>
    Train,

    /// <summary>自驾车队: a self-drive convoy, with a few buses for those without a car.</summary>
    Convoy,
}

public static class TripModes
{
    /// <summary>What workers and staff call each mode, and what a sheet's 方式 column may say.</summary>
    public static string Name(TripMode mode) => mode switch
    {
        TripMode.Bus => "返岗专车",
        TripMode.Train => "专列",
        TripMode.Convoy => "自驾车队",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The mode a staff member wrote (专车, 大巴, 火车, 车队 …); null when it is none of them.</summary>
    public static TripMode? Parse(string? text) => text?.Trim() switch
    {
        "返岗专车" or "专车" or "大巴" or "汽车" or "客车" or "Bus" => TripMode.Bus,
        "专列" or "火车" or "高铁" or "动车" or "Train" => TripMode.Train,
        "自驾车队" or "车队" or "自驾" or "Convoy" => TripMode.Convoy,
        _ => null,
    };

    public static bool NeedsIdNumbers(TripMode mode) => mode == TripMode.Train;
}
