namespace Pingtang.Domain.Workers;

/// <summary>The trades (工种) a worker can say they do, as the stations name them.</summary>
public static class Trades
{
    public static readonly IReadOnlyList<string> Common =
    [
        "普工", "电工", "焊工", "叉车司机", "货车司机", "建筑工", "缝纫工", "厨师", "保安", "家政", "养老护理", "快递物流", "农业种植", "其他",
    ];
}
