using Pingtang.Benchmarks.Turns;

/// <summary>
/// The .NET startup hook (<c>DOTNET_STARTUP_HOOKS</c>) through which <c>turns --profile</c> puts
/// <see cref="ServerProfileRecorder"/> into the service's own process without changing the service. The runtime
/// looks for exactly this name, outside any namespace.
/// </summary>
internal static class StartupHook
{
    public static void Initialize() => ServerProfileRecorder.StartInThisProcess();
}
