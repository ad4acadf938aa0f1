namespace Pingtang.Bot.Tests.Support;

/// <summary>
/// Tests whose hosts build Hangfire's services run one after the other: Hangfire keeps its configuration (logging,
/// serializer) in statics that every such host sets again.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HangfireCollection
{
    public const string Name = "Hangfire";
}
