using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pingtang.Bot.Tests.Support;

namespace Pingtang.Bot.Tests.Channels.DirectLine;

/// <summary>The real host on Kestrel at 127.0.0.1 on a free port, for clients that need a real socket (node, a browser).</summary>
internal sealed class LiveHost : IAsyncDisposable
{
    private LiveHost(PingtangFactory factory, string baseUrl)
    {
        Factory = factory;
        BaseUrl = baseUrl;
    }

    public PingtangFactory Factory { get; }

    public string BaseUrl { get; }

    public static LiveHost Start(Dictionary<string, string?>? settings = null)
    {
        var factory = DirectLineKit.Host(settings: settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LiveHost(factory, address.TrimEnd('/'));
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
